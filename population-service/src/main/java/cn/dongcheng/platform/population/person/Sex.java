package cn.dongcheng.platform.population.person;

/** Sex as the ID number's sequence digit encodes it (odd = male). */
public enum Sex {
    MALE, FEMALE
}
