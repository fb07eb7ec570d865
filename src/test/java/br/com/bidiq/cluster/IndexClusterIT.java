package br.com.bidiq.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import br.com.bidiq.testing.FakePncpServer;
import br.com.bidiq.testing.LocalCluster;
import br.com.bidiq.testing.TestDatabases;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two Liberty nodes sharing one PostgreSQL with a schedule of a few seconds: one node ingests, it is killed with
 * kill -9 mid-run, and the other takes the run over when the lease lapses and finishes it with the same table a
 * single node would have written.
 */
class IndexClusterIT {

    static final List<Integer> MODALIDADES = List.of(1, 4, 5, 6);

    @Test
    void theSurvivingNodeFinishesTheRunOfAKilledNode() throws Exception {
        String database = TestDatabases.emptyPostgres("bidiq_cluster_it");
        try (FakePncpServer pncp = new FakePncpServer(FakePncpServer.sampleRecords(), 18092)) {
            // Slow until the kill, so the first run is surely mid-way when the test looks; fast for the survivor.
            pncp.latency(400);
            // No REDIS_URL: the ingestion lease and checkpoints live in PostgreSQL alone, and a killed node's progress
            // stream is not left in the shared Redis for other tests to find.
            Map<String, String> env = Map.ofEntries(
                    Map.entry("PNCP_BASE_URL", pncp.baseUrl()),
                    Map.entry("DATABASE_URL", database),
                    Map.entry("DATABASE_USER", "postgres"),
                    Map.entry("INDEX_ENABLED", "true"),
                    Map.entry("INDEX_INTERVAL_MINUTES", "0.05"),
                    Map.entry("INDEX_LEASE_SECONDS", "4"),
                    Map.entry("INDEX_HISTORY_DAYS", "400"),
                    Map.entry("INDEX_WINDOW_DAYS", "31"),
                    Map.entry("INDEX_MODALIDADES", "1,4,5,6"));
            try (LocalCluster cluster = new LocalCluster(env).start(2)) {
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> pncp.requests().size() > 150);
                String ingesting = query(database, "SELECT node FROM index_runs WHERE ended_at IS NULL");
                long runId = Long.parseLong(query(database, "SELECT id FROM index_runs WHERE ended_at IS NULL"));
                cluster.killNode(Integer.parseInt(ingesting.replace("node", "")));
                pncp.latency(5);

                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> query(database, "SELECT outcome FROM index_runs WHERE id = " + runId) != null);

                assertEquals("succeeded", query(database, "SELECT outcome FROM index_runs WHERE id = " + runId));
                String finisher = query(database, "SELECT node FROM index_runs WHERE id = " + runId);
                assertNotEquals(ingesting, finisher, "the other node finished the run");
                assertEquals("0", query(database, "SELECT COUNT(*) FROM index_units WHERE status <> 'done'"));
                LocalDate today = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
                assertEquals(expected(pncp.records(), today.minusDays(399), today), ids(database));
            }
        }
    }

    static Set<String> expected(List<JsonObject> served, LocalDate from, LocalDate to) {
        return FakePncpServer.published(served, MODALIDADES, from, to).stream()
                .map(r -> r.getString("numeroControlePNCP"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> ids(String database) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(database, "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT numero_controle FROM notices")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    static String query(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database, "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            if (e.getMessage().contains("does not exist")) {
                return null;
            }
            throw e;
        }
    }
}
