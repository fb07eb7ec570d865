package br.com.bidiq.report.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Brazilian money text: R$ 1.234.567,89, whatever the JVM's locale. */
public final class Reais {

    private Reais() {}

    public static String format(BigDecimal value) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return "R$ " + format.format(value == null ? BigDecimal.ZERO : value);
    }
}
