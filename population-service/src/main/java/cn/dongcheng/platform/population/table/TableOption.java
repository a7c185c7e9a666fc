package cn.dongcheng.platform.population.table;

/** A name a table request may use (a dimension, an indicator). */
interface TableOption {

    /** The name in requests and answers. */
    String parameter();
}
