package govgraph.testserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Neo4j 5.26 Community in this JVM, with Bolt on a loopback address only.
 *
 * <pre>
 *   java -cp target/classes:$(cat target/classpath.txt) govgraph.testserver.Neo4jServer \
 *        --home .neo4j/data --port 17687 --password govgraph-test-password
 * </pre>
 *
 * Authentication is on: user {@code neo4j} gets the given password (set through
 * the system database before the server reports READY). With {@code --password ""}
 * authentication is off. Prints one line {@code READY bolt://127.0.0.1:PORT}
 * once the server accepts the password, and shuts down cleanly on SIGTERM.
 */
public final class Neo4jServer {
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // Neo4j's non-daemon threads would keep a half-started JVM alive: exit.
            e.printStackTrace();
            System.err.println("start-up failed: " + e);
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Path home = Path.of(".neo4j/data");
        String host = "127.0.0.1";
        int port = 17687;
        String password = "govgraph-test-password";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[++i]);
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--password" -> password = args[++i];
                default -> {
                    System.err.println("unknown argument " + args[i]
                            + " (expected --home DIR --host 127.0.0.1 --port N --password PW)");
                    System.exit(2);
                }
            }
        }
        if (!isLoopback(host)) {
            System.err.println("refusing to listen on " + host + ": only loopback addresses are allowed");
            System.exit(2);
        }
        boolean auth = !password.isEmpty();
        long t0 = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home.toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                // The databases are checkpointed first; Bolt need not wait 5 s twice to stop.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                // Tests try wrong passwords on purpose: no lock-out of user neo4j after failures.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 128L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("shutting down");
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));
        try {
            if (auth) {
                setPassword(dbms, password);
            }
            // Warm up the Cypher runtime so the first client does not pay for it.
            dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.err.println("start-up failed: " + e.getMessage());
            System.exit(1); // runs the shutdown hook
        }
        System.out.printf("READY bolt://%s:%d (auth %s, home %s, %.1f s)%n",
                host, port, auth ? "on" : "off", home, (System.nanoTime() - t0) / 1e9);
        System.out.flush();
        stopped.await();
    }

    /** Community supports ALTER USER; the embedded API runs it with full rights. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // A data directory kept from an earlier start already has this password.
            if (!String.valueOf(rootCause(e).getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }
}
