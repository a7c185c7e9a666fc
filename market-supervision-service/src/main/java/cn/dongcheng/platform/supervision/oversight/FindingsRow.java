package cn.dongcheng.platform.supervision.oversight;

import java.math.BigDecimal;

/**
 * Findings of one street (街道) or one GB/T 4754 industry section (行业门类) over the tasks asked about.
 *
 * @param group        street code or section letter, as the directory gave it when the target's pool was frozen
 * @param findingsRate 问题发现率: PROBLEMS_FOUND ÷ results entered; null while none is entered
 */
public record FindingsRow(String group, long drawn, long resultsEntered, long problemsFound, BigDecimal findingsRate) {
}
