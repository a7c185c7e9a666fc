package cn.dongcheng.platform.common.index;

import java.util.UUID;

/** The name an instance signs its migration leases with: the host (a pod's name in Kubernetes), the pid, a random part. */
public final class MigrationOwner {

    private MigrationOwner() {
    }

    public static String thisInstance() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
