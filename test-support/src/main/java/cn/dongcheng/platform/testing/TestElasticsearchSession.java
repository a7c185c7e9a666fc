package cn.dongcheng.platform.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Renews the shared processes' leases (Elasticsearch node, identity provider) one last time when a module's tests
 * end, so the next module finds them running.
 */
public class TestElasticsearchSession implements LauncherSessionListener {
    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestElasticsearch.LEASE.renew();
        TestIdentityProvider.LEASE.renew();
    }
}
