package br.com.bidiq.testing;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Drives server-config/cluster/cluster.sh from tests and benchmarks. */
public final class LocalCluster implements AutoCloseable {

    public static final int BASE_PORT = 9180;
    public static final int LB_PORT = 8180;

    private final Map<String, String> env;
    private final Path stateDir;

    public LocalCluster(Map<String, String> extraEnv) {
        this.stateDir = Path.of("target", "cluster-it").toAbsolutePath();
        this.env = new java.util.HashMap<>(extraEnv);
        env.put("BASE_PORT", String.valueOf(BASE_PORT));
        env.put("LB_PORT", String.valueOf(LB_PORT));
        env.put("CLUSTER_DIR", stateDir.toString());
        env.putIfAbsent("REPORTS_DIR", stateDir.resolve("reports").toString());
        env.putIfAbsent("INDEX_ENABLED", "false");
    }

    public static boolean nginxInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, "nginx").canExecute()) {
                return true;
            }
        }
        return new File("/usr/sbin/nginx").canExecute();
    }

    public String node(int k) {
        return "http://127.0.0.1:" + (BASE_PORT + k);
    }

    public String balancer() {
        return "http://127.0.0.1:" + LB_PORT;
    }

    public LocalCluster start(int nodes) throws Exception {
        run("start", String.valueOf(nodes));
        return this;
    }

    public void killNode(int k) throws Exception {
        run("kill-node", String.valueOf(k));
    }

    private void run(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = Path.of("server-config", "cluster", "cluster.sh")
                .toAbsolutePath()
                .toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).inheritIO();
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("cluster.sh " + String.join(" ", args) + " failed");
        }
    }

    @Override
    public void close() throws Exception {
        run("stop");
    }
}
