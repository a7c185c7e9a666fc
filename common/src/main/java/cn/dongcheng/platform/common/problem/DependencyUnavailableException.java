package cn.dongcheng.platform.common.problem;

/** Elasticsearch or a downstream service cannot be reached: 503, naming which one. */
public class DependencyUnavailableException extends RuntimeException {
    private final String dependency;

    public DependencyUnavailableException(String dependency, String detail, Throwable cause) {
        super(dependency + " is unavailable: " + detail, cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
