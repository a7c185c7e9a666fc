package cn.dongcheng.platform.population.table;

/**
 * Where a person's household registration (户籍) is. The register knows it is Dongcheng for registered persons; for
 * floating residents it holds only the region code of the ID number (where the number was issued), which stands in
 * for the hukou place: Beijing ({@code 11xxxx}) or another province (外省市来京, Beijing's floating-population measure).
 */
public enum HukouPlace {
    DONGCHENG("东城区"),
    OTHER_BEIJING("北京市其他区"),
    OTHER_PROVINCE("外省市");

    private final String label;

    HukouPlace(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
