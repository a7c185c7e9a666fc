package cn.dongcheng.platform.common.index;

/**
 * An index a service owns: the resource part of its alias name ({@code enterprises}) and the class-path JSON with
 * its settings and mappings ({@code elasticsearch/enterprises.json}).
 */
public record IndexDefinition(String resource, String definitionPath) {
    public static IndexDefinition of(String resource) {
        return new IndexDefinition(resource, "elasticsearch/" + resource + ".json");
    }
}
