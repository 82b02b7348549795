package org.technocarte.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;

/**
 * A recursive-descent parser of the CQL2 text filters that the OGC API accepts, translated to a SQL
 * condition over the {@link Queryable} columns. Values are always bound parameters; only column
 * names from the whitelist, operators and placeholders ever reach the SQL text.
 *
 * <p>Supported: comparisons (= &lt;&gt; &lt; &lt;= &gt; &gt;=), AND, OR, NOT and parentheses, [NOT]
 * LIKE, [NOT] IN (…), [NOT] BETWEEN … AND …, IS [NOT] NULL, literals (strings, numbers, TRUE,
 * FALSE, DATE('…'), TIMESTAMP('…')), and S_INTERSECTS(geometry, BBOX(…) | POINT(…) | POLYGON(…)).
 */
public final class Cql2Text {

  /** A filter as SQL: a condition and the values of its placeholders, in order. */
  public record Sql(String condition, List<Object> params) {}

  static final int MAX_LENGTH = 20_000;
  private static final int MAX_DEPTH = 50;
  private static final Set<String> RESERVED =
      Set.of(
          "AND",
          "OR",
          "NOT",
          "LIKE",
          "IN",
          "IS",
          "NULL",
          "BETWEEN",
          "TRUE",
          "FALSE",
          "S_INTERSECTS",
          "BBOX",
          "POINT",
          "POLYGON",
          "DATE",
          "TIMESTAMP");

  private enum Kind {
    WORD,
    QUOTED_WORD,
    STRING,
    NUMBER,
    OPEN,
    CLOSE,
    COMMA,
    OPERATOR,
    END
  }

  private record Token(Kind kind, String text, int position) {}

  /** One side of a comparison: a queryable, or a literal of some type. */
  private record Operand(Queryable property, Queryable.Type type, Object value, int position) {
    boolean isProperty() {
      return property != null;
    }
  }

  private final List<Token> tokens;
  private final List<Object> params = new ArrayList<>();
  private int next;
  private int depth;

  private Cql2Text(String text) {
    this.tokens = tokenize(text);
  }

  /**
   * Parses a CQL2 text filter.
   *
   * @throws ApiException 400 naming the `filter` parameter and where the text goes wrong
   */
  public static Sql parse(String text) {
    if (text == null || text.isBlank()) {
      throw error(0, "is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw error(0, "is longer than " + MAX_LENGTH + " characters");
    }
    Cql2Text parser = new Cql2Text(text);
    String condition = parser.or();
    Token rest = parser.peek();
    if (rest.kind != Kind.END) {
      throw error(rest.position, "unexpected '" + rest.text + "'");
    }
    return new Sql(condition, List.copyOf(parser.params));
  }

  // ---- grammar: or := and {OR and}; and := not {AND not}; not := NOT not | primary

  private String or() {
    String left = and();
    while (keyword("OR")) {
      left = "(" + left + " OR " + and() + ")";
    }
    return left;
  }

  private String and() {
    String left = not();
    while (keyword("AND")) {
      left = "(" + left + " AND " + not() + ")";
    }
    return left;
  }

  private String not() {
    if (keyword("NOT")) {
      return "(NOT " + deeper(this::not) + ")";
    }
    return primary();
  }

  private String primary() {
    Token token = peek();
    if (token.kind == Kind.OPEN) {
      next++;
      String inner = deeper(this::or);
      expect(Kind.CLOSE, "')'");
      return "(" + inner + ")";
    }
    if (isWord(token, "S_INTERSECTS")) {
      next++;
      return intersects(token.position);
    }
    return predicate(operand());
  }

  private String deeper(java.util.function.Supplier<String> rule) {
    if (++depth > MAX_DEPTH) {
      throw error(peek().position, "nests deeper than " + MAX_DEPTH + " levels");
    }
    String result = rule.get();
    depth--;
    return result;
  }

  // ---- predicates

  private String predicate(Operand left) {
    Token token = peek();
    if (token.kind == Kind.OPERATOR) {
      next++;
      return compare(left, token.text, operand());
    }
    boolean negated = keyword("NOT");
    String not = negated ? "NOT " : "";
    if (keyword("LIKE")) {
      Operand pattern = operand();
      requireProperty(left, "LIKE");
      if (left.property.type() != Queryable.Type.STRING
          || pattern.isProperty()
          || pattern.type != Queryable.Type.STRING) {
        throw error(left.position, "LIKE compares a text queryable with a text pattern");
      }
      return "(" + left.property.column() + " " + not + "LIKE " + bind(pattern.value) + ")";
    }
    if (keyword("IN")) {
      requireProperty(left, "IN");
      expect(Kind.OPEN, "'(' after IN");
      List<String> values = new ArrayList<>();
      do {
        values.add(bind(convert(operand(), left.property)));
      } while (take(Kind.COMMA));
      expect(Kind.CLOSE, "')' closing the IN list");
      return "(" + left.property.column() + " " + not + "IN (" + String.join(", ", values) + "))";
    }
    if (keyword("BETWEEN")) {
      requireProperty(left, "BETWEEN");
      String low = bind(convert(operand(), left.property));
      if (!keyword("AND")) {
        throw error(peek().position, "expected AND in BETWEEN … AND …");
      }
      String high = bind(convert(operand(), left.property));
      return "(" + left.property.column() + " " + not + "BETWEEN " + low + " AND " + high + ")";
    }
    if (negated) {
      throw error(peek().position, "expected LIKE, IN or BETWEEN after NOT");
    }
    if (keyword("IS")) {
      requireProperty(left, "IS NULL");
      String isNot = keyword("NOT") ? "NOT " : "";
      if (!keyword("NULL")) {
        throw error(peek().position, "expected NULL after IS");
      }
      return "(" + left.property.column() + " IS " + isNot + "NULL)";
    }
    if (!left.isProperty() && left.type == Queryable.Type.BOOLEAN) {
      return Boolean.TRUE.equals(left.value) ? "TRUE" : "FALSE";
    }
    throw error(token.position, "expected a comparison, LIKE, IN, BETWEEN or IS NULL");
  }

  private String compare(Operand left, String operator, Operand right) {
    String sqlOperator = operator;
    if (left.isProperty() && right.isProperty()) {
      if (!comparable(left.property.type(), right.property.type())) {
        throw error(
            right.position,
            "cannot compare " + left.property.property() + " with " + right.property.property());
      }
      checkOperator(left.property, operator, left.position);
      return "(" + left.property.column() + " " + sqlOperator + " " + right.property.column() + ")";
    }
    if (left.isProperty()) {
      checkOperator(left.property, operator, left.position);
      return "("
          + left.property.column()
          + " "
          + sqlOperator
          + " "
          + bind(convert(right, left.property))
          + ")";
    }
    if (right.isProperty()) {
      checkOperator(right.property, operator, right.position);
      return "("
          + bind(convert(left, right.property))
          + " "
          + sqlOperator
          + " "
          + right.property.column()
          + ")";
    }
    throw error(left.position, "a comparison needs a queryable on at least one side");
  }

  private static boolean comparable(Queryable.Type a, Queryable.Type b) {
    boolean numeric =
        (a == Queryable.Type.INTEGER || a == Queryable.Type.NUMBER)
            && (b == Queryable.Type.INTEGER || b == Queryable.Type.NUMBER);
    return numeric || a == b && a != Queryable.Type.GEOMETRY;
  }

  private static void checkOperator(Queryable property, String operator, int position) {
    if (property.type() == Queryable.Type.GEOMETRY) {
      throw error(position, "compare geometry with S_INTERSECTS");
    }
    if (property.type() == Queryable.Type.BOOLEAN
        && !operator.equals("=")
        && !operator.equals("<>")) {
      throw error(position, property.property() + " is true or false: use = or <>");
    }
  }

  private static void requireProperty(Operand operand, String what) {
    if (!operand.isProperty() || operand.property.type() == Queryable.Type.GEOMETRY) {
      throw error(operand.position, what + " applies to a queryable property");
    }
  }

  /** The literal as a value of the property's type, refused when it cannot be one. */
  private static Object convert(Operand literal, Queryable property) {
    if (literal.isProperty()) {
      throw error(
          literal.position, "expected a value, not the queryable " + literal.property.property());
    }
    Queryable.Type want = property.type();
    Object value = literal.value;
    switch (want) {
      case STRING:
        if (literal.type == Queryable.Type.STRING) {
          return value;
        }
        break;
      case INTEGER:
      case NUMBER:
        if (literal.type == Queryable.Type.NUMBER) {
          BigDecimal number = (BigDecimal) value;
          if (want == Queryable.Type.INTEGER && number.stripTrailingZeros().scale() <= 0) {
            try {
              return number.longValueExact();
            } catch (ArithmeticException e) {
              throw error(literal.position, "number out of range");
            }
          }
          return number;
        }
        break;
      case BOOLEAN:
        if (literal.type == Queryable.Type.BOOLEAN) {
          return value;
        }
        break;
      case DATE:
        if (literal.type == Queryable.Type.DATE) {
          return value;
        }
        if (literal.type == Queryable.Type.STRING) {
          return date((String) value, literal.position);
        }
        break;
      case TIMESTAMP:
        if (literal.type == Queryable.Type.TIMESTAMP) {
          return value;
        }
        if (literal.type == Queryable.Type.DATE) {
          return ((LocalDate) value).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        if (literal.type == Queryable.Type.STRING) {
          return timestamp((String) value, literal.position);
        }
        break;
      default:
        break;
    }
    throw error(
        literal.position,
        property.property()
            + " is "
            + article(want)
            + ": it cannot be compared with "
            + article(literal.type));
  }

  private static String article(Queryable.Type type) {
    return switch (type) {
      case STRING -> "a text";
      case INTEGER -> "a whole number";
      case NUMBER -> "a number";
      case BOOLEAN -> "TRUE or FALSE";
      case DATE -> "a DATE('YYYY-MM-DD')";
      case TIMESTAMP -> "a TIMESTAMP('…Z')";
      case GEOMETRY -> "a geometry";
    };
  }

  // ---- operands

  private Operand operand() {
    Token token = peek();
    next++;
    switch (token.kind) {
      case STRING:
        return new Operand(null, Queryable.Type.STRING, token.text, token.position);
      case NUMBER:
        return new Operand(null, Queryable.Type.NUMBER, number(token), token.position);
      case QUOTED_WORD:
        return property(token);
      case WORD:
        String upper = token.text.toUpperCase(Locale.ROOT);
        switch (upper) {
          case "TRUE", "FALSE":
            return new Operand(null, Queryable.Type.BOOLEAN, upper.equals("TRUE"), token.position);
          case "DATE":
            return new Operand(
                null, Queryable.Type.DATE, date(literalArgument(), token.position), token.position);
          case "TIMESTAMP":
            return new Operand(
                null,
                Queryable.Type.TIMESTAMP,
                timestamp(literalArgument(), token.position),
                token.position);
          default:
            if (RESERVED.contains(upper)) {
              throw error(token.position, "expected a queryable or a value, found " + token.text);
            }
            return property(token);
        }
      default:
        throw error(
            token.position,
            token.kind == Kind.END
                ? "ends too early"
                : "expected a queryable or a value, found '" + token.text + "'");
    }
  }

  private static Operand property(Token token) {
    Queryable property =
        Queryable.named(token.text)
            .orElseThrow(
                () ->
                    error(
                        token.position,
                        "'"
                            + token.text
                            + "' is not a queryable"
                            + (token.text.equals("city")
                                ? "; the city is cityCode or cityName"
                                : "")
                            + " (see /ogc/collections/sightings/queryables)"));
    return new Operand(property, property.type(), null, token.position);
  }

  /** The string inside DATE('…') or TIMESTAMP('…'). */
  private String literalArgument() {
    expect(Kind.OPEN, "'('");
    Token value = peek();
    if (value.kind != Kind.STRING) {
      throw error(value.position, "expected a quoted date");
    }
    next++;
    expect(Kind.CLOSE, "')'");
    return value.text;
  }

  private static LocalDate date(String text, int position) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw error(position, "'" + text + "' is not a date YYYY-MM-DD");
    }
  }

  private static OffsetDateTime timestamp(String text, int position) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw error(position, "'" + text + "' is not a timestamp such as 2026-11-28T10:00:00Z");
    }
  }

  /**
   * A number that a double holds: the columns compared are double precision, and PostgreSQL fails
   * the whole query on a value beyond its range (1e400), so such a number is refused here.
   */
  private static BigDecimal number(Token token) {
    BigDecimal number;
    try {
      number = new BigDecimal(token.text);
    } catch (NumberFormatException e) {
      throw error(token.position, "'" + token.text + "' is not a number");
    }
    if (Double.isInfinite(number.doubleValue())) {
      throw error(token.position, "'" + token.text + "' is out of range");
    }
    return number;
  }

  // ---- spatial

  private String intersects(int position) {
    expect(Kind.OPEN, "'(' after S_INTERSECTS");
    String first = spatialOperand();
    expect(Kind.COMMA, "',' between the two geometries");
    String second = spatialOperand();
    expect(Kind.CLOSE, "')' closing S_INTERSECTS");
    boolean firstIsColumn = first.equals(Queryable.GEOMETRY.column());
    boolean secondIsColumn = second.equals(Queryable.GEOMETRY.column());
    if (firstIsColumn == secondIsColumn) {
      throw error(position, "S_INTERSECTS compares geometry with a BBOX, POINT or POLYGON");
    }
    return "ST_Intersects(" + first + ", " + second + ")";
  }

  private String spatialOperand() {
    Token token = peek();
    String word = token.kind == Kind.WORD ? token.text.toUpperCase(Locale.ROOT) : "";
    if (token.kind == Kind.WORD || token.kind == Kind.QUOTED_WORD) {
      next++;
      switch (word) {
        case "BBOX":
          return bbox(token.position);
        case "POINT":
          expect(Kind.OPEN, "'(' after POINT");
          double[] point = position();
          expect(Kind.CLOSE, "')' closing POINT");
          return "ST_SetSRID(ST_MakePoint(" + bind(point[0]) + ", " + bind(point[1]) + "), 4326)";
        case "POLYGON":
          return polygon(token.position);
        default:
          Operand property = property(token);
          if (property.property != Queryable.GEOMETRY) {
            throw error(token.position, "S_INTERSECTS applies to geometry");
          }
          return Queryable.GEOMETRY.column();
      }
    }
    throw error(token.position, "expected geometry, BBOX, POINT or POLYGON");
  }

  private String bbox(int position) {
    expect(Kind.OPEN, "'(' after BBOX");
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      if (i > 0) {
        expect(Kind.COMMA, "',' between the numbers of BBOX");
      }
      v[i] = coordinate(i % 2 == 0);
    }
    expect(Kind.CLOSE, "')' closing BBOX (minLon, minLat, maxLon, maxLat)");
    if (v[0] > v[2] || v[1] > v[3]) {
      throw error(position, "BBOX minimum exceeds maximum");
    }
    return "ST_MakeEnvelope("
        + bind(v[0])
        + ", "
        + bind(v[1])
        + ", "
        + bind(v[2])
        + ", "
        + bind(v[3])
        + ", 4326)";
  }

  /**
   * The polygon travels as WKT in a bound parameter; the WKT is written here from parsed numbers,
   * never copied from the filter text.
   */
  private String polygon(int position) {
    expect(Kind.OPEN, "'(' after POLYGON");
    StringBuilder wkt = new StringBuilder("POLYGON(");
    do {
      expect(Kind.OPEN, "'(' opening a ring");
      List<double[]> ring = new ArrayList<>();
      do {
        ring.add(position());
      } while (take(Kind.COMMA));
      expect(Kind.CLOSE, "')' closing a ring");
      double[] first = ring.get(0);
      double[] last = ring.get(ring.size() - 1);
      if (ring.size() < 4 || first[0] != last[0] || first[1] != last[1]) {
        throw error(
            position, "a POLYGON ring needs at least 4 positions, the last equal to the first");
      }
      if (wkt.length() > "POLYGON(".length()) {
        wkt.append(',');
      }
      wkt.append('(');
      for (int i = 0; i < ring.size(); i++) {
        wkt.append(i > 0 ? "," : "")
            .append(CsvWriter.number(ring.get(i)[0]))
            .append(' ')
            .append(CsvWriter.number(ring.get(i)[1]));
      }
      wkt.append(')');
    } while (take(Kind.COMMA));
    expect(Kind.CLOSE, "')' closing POLYGON");
    return "ST_GeomFromText(" + bind(wkt.append(')').toString()) + ", 4326)";
  }

  private double[] position() {
    return new double[] {coordinate(true), coordinate(false)};
  }

  private double coordinate(boolean longitude) {
    Token token = peek();
    if (token.kind != Kind.NUMBER) {
      throw error(token.position, "expected a " + (longitude ? "longitude" : "latitude"));
    }
    next++;
    double value = number(token).doubleValue();
    double bound = longitude ? 180 : 90;
    if (!(value >= -bound && value <= bound)) {
      throw error(token.position, (longitude ? "longitude" : "latitude") + " out of range");
    }
    return value;
  }

  // ---- tokens

  private String bind(Object value) {
    params.add(value);
    return "?";
  }

  private Token peek() {
    return tokens.get(next);
  }

  private boolean take(Kind kind) {
    if (peek().kind == kind) {
      next++;
      return true;
    }
    return false;
  }

  private void expect(Kind kind, String what) {
    Token token = peek();
    if (token.kind != kind) {
      throw error(
          token.position,
          "expected "
              + what
              + (token.kind == Kind.END ? " before the end" : ", found '" + token.text + "'"));
    }
    next++;
  }

  private boolean keyword(String word) {
    if (isWord(peek(), word)) {
      next++;
      return true;
    }
    return false;
  }

  private static boolean isWord(Token token, String word) {
    return token.kind == Kind.WORD && token.text.equalsIgnoreCase(word);
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ',') {
        Kind kind = c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA;
        tokens.add(new Token(kind, String.valueOf(c), start));
        i++;
      } else if (c == '=') {
        tokens.add(new Token(Kind.OPERATOR, "=", start));
        i++;
      } else if (c == '<' || c == '>') {
        String op = String.valueOf(c);
        if (i + 1 < text.length()
            && (text.charAt(i + 1) == '=' || c == '<' && text.charAt(i + 1) == '>')) {
          op += text.charAt(i + 1);
        }
        tokens.add(new Token(Kind.OPERATOR, op, start));
        i += op.length();
      } else if (c == '\'' || c == '"') {
        StringBuilder value = new StringBuilder();
        i++;
        while (true) {
          if (i >= text.length()) {
            throw error(start, "a quote is never closed");
          }
          char d = text.charAt(i);
          if (d == c) {
            if (i + 1 < text.length() && text.charAt(i + 1) == c) {
              value.append(c);
              i += 2;
              continue;
            }
            i++;
            break;
          }
          value.append(d);
          i++;
        }
        tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED_WORD, value.toString(), start));
      } else if (Character.isDigit(c)
          || (c == '-' || c == '+' || c == '.')
              && i + 1 < text.length()
              && (Character.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '.')) {
        i++;
        while (i < text.length()
            && (Character.isDigit(text.charAt(i))
                || text.charAt(i) == '.'
                || text.charAt(i) == 'e'
                || text.charAt(i) == 'E'
                || (text.charAt(i) == '-' || text.charAt(i) == '+')
                    && (text.charAt(i - 1) == 'e' || text.charAt(i - 1) == 'E'))) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start));
      } else if (Character.isLetter(c) || c == '_') {
        while (i < text.length()
            && (Character.isLetterOrDigit(text.charAt(i))
                || text.charAt(i) == '_'
                || text.charAt(i) == ':'
                || text.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, text.substring(start, i), start));
      } else {
        throw error(start, "unexpected character '" + c + "'");
      }
    }
    tokens.add(new Token(Kind.END, "", text.length()));
    return tokens;
  }

  private static ApiException error(int position, String message) {
    return ApiException.badParameters(
        List.of(
            new FieldError(
                "filter",
                FieldCode.BAD_FORMAT,
                message + " (at character " + (position + 1) + ")")));
  }
}
