package dev.launchpad.blueprint.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How formulas write numbers: grouped thousands, no more decimals than mean something. */
final class Num {

    private Num() {
    }

    /** {@code 1,000,000}, {@code 0.2}, {@code 13.1}, {@code 0.0001}: up to four decimals, trailing zeros dropped. */
    static String of(double value) {
        return format(value, 4);
    }

    /** A price as published, with all its decimals: {@code 0.0000133334}. */
    static String price(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().replaceFirst("^(\\d+)$", "$1.00")
                .replaceFirst("^(\\d+\\.\\d)$", "$10");
    }

    /** Dollars and cents, {@code 1,234.56}; a negative amount keeps its sign. */
    static String usd(double value) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value + 0.0);
    }

    private static String format(double value, int decimals) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        DecimalFormat f = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(rounded);
    }
}
