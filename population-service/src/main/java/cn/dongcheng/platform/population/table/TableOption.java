package cn.dongcheng.platform.population.table;

/** A name a table request may use (a dimension, an indicator), and why it cannot be served yet, if so. */
interface TableOption {

    /** The name in requests and answers. */
    String parameter();

    /** Why it cannot be served yet, or null. */
    String unavailable();
}
