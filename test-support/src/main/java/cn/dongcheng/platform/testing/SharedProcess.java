package cn.dongcheng.platform.testing;

/**
 * A process that test JVMs share across a build, as this JVM sees it: started or found once, its lease renewed from
 * then on; a failure to start is remembered, so every later caller fails with the same cause instead of trying again.
 */
final class SharedProcess<T> {

    /** Starts the process, or finds the one an earlier JVM started; returns how to reach it. */
    @FunctionalInterface
    interface Starter<T> {
        T startOrReuse() throws Exception;
    }

    private final String name;
    private final TestLease lease;
    private final Starter<T> starter;
    private T address;
    private Throwable failure;

    SharedProcess(String name, TestLease lease, Starter<T> starter) {
        this.name = name;
        this.lease = lease;
        this.starter = starter;
    }

    synchronized T get() {
        if (address != null) {
            return address;
        }
        if (failure != null) {
            throw new IllegalStateException(name + " could not start", failure);
        }
        try {
            address = starter.startOrReuse();
            lease.keepRenewing();
            return address;
        } catch (Exception e) {
            failure = e;
            throw new IllegalStateException(name + " could not start: " + e.getMessage(), e);
        }
    }
}
