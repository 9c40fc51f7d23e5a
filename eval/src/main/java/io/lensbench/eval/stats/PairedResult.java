package io.lensbench.eval.stats;

/**
 * Paired comparison of B against A on the same queries.
 *
 * @param n queries compared
 * @param meanA mean of A
 * @param meanB mean of B
 * @param diff mean of (B − A)
 * @param ci bootstrap percentile CI of the mean difference
 * @param p two-sided p-value of the paired randomization (sign-flip) test
 * @param wins queries where B &gt; A
 * @param ties queries where |B − A| ≤ ε
 * @param losses queries where B &lt; A
 */
public record PairedResult(int n, double meanA, double meanB, double diff, Interval ci, double p,
    int wins, int ties, int losses) {}
