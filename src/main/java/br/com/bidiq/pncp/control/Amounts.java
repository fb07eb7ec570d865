package br.com.bidiq.pncp.control;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Which money values PNCP sends are real: between 0 and R$ 10 trillion, with a sane number of digits. */
public final class Amounts {

    /** Above every real notice (the largest PNCP ones are in the tens of billions). */
    public static final BigDecimal MAX = new BigDecimal("10000000000000");
    /** Far more decimals or digits than money has: beyond them a value is a forged or broken number. */
    static final int MAX_SCALE = 20;

    static final int MAX_UNSCALED_BITS = 128;

    private Amounts() {}

    /**
     * Whether {@code v} lies in [0, 10^13]. Decided from the number's shape (bit length and scale) before any
     * arithmetic, so {@code 1E+10000000} or a million digits cost nothing.
     */
    public static boolean plausible(BigDecimal v) {
        if (v.signum() < 0 || v.scale() > MAX_SCALE || v.scale() < -MAX_SCALE) {
            return false;
        }
        BigInteger unscaled = v.unscaledValue();
        if (unscaled.bitLength() > MAX_UNSCALED_BITS) {
            return false;
        }
        return v.compareTo(MAX) <= 0;
    }
}
