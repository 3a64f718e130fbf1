package io.nianbao.core.parse;

import io.nianbao.core.model.Finding;
import io.nianbao.core.rules.CellInvalid;
import io.nianbao.core.rules.CellUnit;
import io.nianbao.core.rules.ParseUncertain;

import java.math.BigDecimal;
import java.util.List;

/** Turns aligned cells into model values, reporting what cannot be taken as read. */
final class Values {

    /** What a column holds. */
    enum Type { COUNT, SIGNED_COUNT, AMOUNT }

    private Values() {
    }

    /**
     * The cell's value for a column, or null (blank, unreadable, text). Findings go to {@code out}.
     *
     * @param unit for {@link Type#AMOUNT}, the column's unit ("元" or "万元"); null otherwise
     */
    static BigDecimal value(Cell c, String location, Type type, String unit, List<Finding> out) {
        if (c == null) {
            return null;
        }
        return switch (c.kind()) {
            case BLANK -> null;
            case UNCERTAIN -> {
                out.add(c.unconfident() ? ParseUncertain.unconfident(location, c.raw()) : ParseUncertain.of(location, c.raw()));
                yield null;
            }
            case TEXT -> {
                out.add(CellInvalid.of(location, c.raw(), "填写了文字"));
                yield null;
            }
            case NUMBER -> number(c, location, type, unit, out);
        };
    }

    private static BigDecimal number(Cell c, String location, Type type, String unit, List<Finding> out) {
        BigDecimal v = c.value();
        if (type == Type.AMOUNT) {
            if (c.unit() != null && !unitMatches(c.unit(), unit)) {
                out.add(CellUnit.of(location, c.raw(), unit));
            }
            return v;
        }
        if (v.stripTrailingZeros().scale() > 0) {
            out.add(CellInvalid.of(location, c.raw(), "填写了小数"));
            return null;
        }
        if (type == Type.COUNT && v.signum() < 0) {
            out.add(CellInvalid.of(location, c.raw(), "填写了负数"));
        }
        return v;
    }

    private static boolean unitMatches(String written, String column) {
        return switch (column) {
            case "万元" -> written.equals("万元") || written.equals("万");
            case "元" -> written.equals("元");
            default -> true;
        };
    }

    /** A count cell as a Long (the model of sections 三 and 四). */
    static Long count(Cell c, String location, List<Finding> out) {
        BigDecimal v = value(c, location, Type.COUNT, null, out);
        if (v == null) {
            return null;
        }
        try {
            return v.longValueExact();
        } catch (ArithmeticException tooLarge) {
            out.add(ParseUncertain.of(location, c.raw()));
            return null;
        }
    }
}
