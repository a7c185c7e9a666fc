package cn.dongcheng.platform.common.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Renews the shared node's lease one last time when a module's tests end, so the next module finds it running. */
public class TestElasticsearchSession implements LauncherSessionListener {
    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestElasticsearch.renewLease();
    }
}
