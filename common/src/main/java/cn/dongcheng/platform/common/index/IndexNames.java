package cn.dongcheng.platform.common.index;

/**
 * Index (alias) names: {@code <namespace><domain>-<resource>}, e.g. {@code industry-enterprises}. The namespace is
 * empty in production; each test class sets its own so its indices are isolated on the shared test node.
 */
public record IndexNames(String namespace, String domain) {

    public IndexNames {
        namespace = namespace == null ? "" : namespace;
    }

    public String alias(String resource) {
        return namespace + domain + "-" + resource;
    }
}
