package plankg.neo4j;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs a Neo4j Community DBMS in this JVM with a Bolt connector, so tests can
 * talk to a real server through the ordinary drivers without a Neo4j tarball
 * or Docker (only Maven Central is reachable). Started by scripts/neo4j.
 *
 * Usage: Launcher HOME_DIR HOST PORT, with the password of user "neo4j" in the
 * environment variable PLANKG_NEO4J_PASSWORD (kept out of the process list).
 * Prints "plankg-neo4j: ready" once Bolt is up and the password is set.
 */
public final class Launcher {
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: Launcher HOME_DIR HOST PORT");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        String password = System.getenv("PLANKG_NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            System.err.println("PLANKG_NEO4J_PASSWORD is not set");
            System.exit(2);
        }

        try {
            run(home, host, port, password);
        } catch (Throwable e) {
            // Without this a failed start (e.g. port in use) could leave a JVM
            // kept alive by non-daemon threads; exit runs the shutdown hook.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Path home, String host, int port, String password) throws InterruptedException {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Embedded defaults to no auth; a real server has it, so we do too.
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // Default would size the page cache from free RAM; keep it small.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(512))
                // Bolt waits 5 s twice at shutdown (after the databases are already
                // checkpointed and closed); 1 s keeps "stop" quick.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                // Hardening, as docker-compose.yml sets it for the image: LOAD CSV may read no local
                // file; one transaction may hold at most 512 MiB of heap and all of them together
                // 768 MiB (of the 1 GiB heap), so a researcher's query over the limit fails alone
                // instead of taking the server out of memory; a transaction that runs longer than
                // 5 minutes is stopped (the API's own /cypher limit, sent by the driver, is shorter).
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(512))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(768))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
                .build();
        // Stops the DBMS cleanly (checkpoint) on SIGTERM/SIGINT or System.exit.
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

        // The embedded API bypasses auth, so it can set the initial password
        // (the server's "neo4j-admin dbms set-initial-password" equivalent).
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));

        System.out.println("plankg-neo4j: ready on bolt://" + host + ":" + port
                + " (Neo4j " + org.neo4j.kernel.internal.Version.getNeo4jVersion() + ")");
        System.out.flush();
        // Block until killed; the shutdown hook then stops the DBMS.
        Thread.currentThread().join();
    }
}
