package br.com.bidiq.index.control;

import br.com.bidiq.pncp.control.PncpRecordParser;
import br.com.bidiq.pncp.entity.PncpRecord;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema 2: searches answered from the index need every field a result shows, with the very values a live search
 * reads. Adds the display columns (modality name, links, purchase year and sequence), lifts the length limits of the
 * text columns (a clipped name would differ from PNCP's), makes H2's objeto a VARCHAR, and fills the new columns of
 * existing rows from their raw JSON with the same parser live searches use. One Java migration for both vendors: the SQL is the same, and H2
 * cannot read JSON fields in SQL.
 */
final class NoticeDisplayColumns implements JavaMigration {

    /** Unbounded VARCHAR on both vendors (H2's objeto was a CLOB, slow to read row by row). */
    private static final String[] PLAIN_TEXT = {
        "codigo_ibge", "municipio", "esfera", "orgao_cnpj", "orgao_nome", "unidade_nome", "situacao_nome", "objeto"
    };

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "notice display columns";
    }

    @Override
    public Integer getChecksum() {
        return 2;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE notices ADD COLUMN modalidade_nome VARCHAR");
            st.execute("ALTER TABLE notices ADD COLUMN link_sistema_origem VARCHAR");
            st.execute("ALTER TABLE notices ADD COLUMN link_processo_eletronico VARCHAR");
            st.execute("ALTER TABLE notices ADD COLUMN ano_compra INTEGER");
            st.execute("ALTER TABLE notices ADD COLUMN sequencial_compra INTEGER");
            for (String column : PLAIN_TEXT) {
                st.execute("ALTER TABLE notices ALTER COLUMN " + column + " SET DATA TYPE VARCHAR");
            }
            st.execute("CREATE INDEX index_units_lane ON index_units (uf, modalidade, data_final)");
        }
        fill(c);
    }

    private static void fill(Connection c) throws Exception {
        try (PreparedStatement read = c.prepareStatement("SELECT numero_controle, raw FROM notices");
                PreparedStatement write = c.prepareStatement("UPDATE notices SET modalidade_nome = ?, "
                        + "link_sistema_origem = ?, link_processo_eletronico = ?, ano_compra = ?, sequencial_compra = ? "
                        + "WHERE numero_controle = ?")) {
            read.setFetchSize(1_000);
            int pending = 0;
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    PncpRecord r;
                    try (JsonReader json = Json.createReader(new StringReader(rs.getString(2)))) {
                        r = PncpRecordParser.parseRecord(json.readObject());
                    }
                    write.setString(1, r.modalidadeNome());
                    write.setString(2, r.linkSistemaOrigem());
                    write.setString(3, r.linkProcessoEletronico());
                    setInteger(write, 4, r.anoCompra());
                    setInteger(write, 5, r.sequencialCompra());
                    write.setString(6, rs.getString(1));
                    write.addBatch();
                    if (++pending == 1_000) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }

    static void setInteger(PreparedStatement ps, int i, Integer value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, value);
        }
    }
}
