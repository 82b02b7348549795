package org.technocarte.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;

/** Password rules and hashing: bcrypt, a length that resists guessing, no upper bound abuse. */
public final class Passwords {

  public static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 200;
  static final int COST = 12;

  private Passwords() {}

  public static String hash(String field, String password) {
    if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      throw ApiException.invalid(
          "Invalid password",
          java.util.List.of(
              new FieldError(
                  field,
                  FieldCode.LENGTH,
                  "must be from " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long")));
    }
    return BcryptUtil.bcryptHash(password, COST);
  }
}
