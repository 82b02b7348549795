package org.technocarte.safety;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request must carry a solved challenge in X-Proof-Of-Work (see {@link ProofOfWork}), unless
 * technocarte.pow.difficulty is 0.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProofOfWorkRequired {

  String HEADER = "X-Proof-Of-Work";
}
