package br.com.bidiq.filtering.control;

import br.com.bidiq.filtering.entity.FilterOutcome.Accepted;
import br.com.bidiq.filtering.entity.Ordenacao;
import br.com.bidiq.pncp.entity.PncpRecord;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders results. Records without the sort key go last in every direction; ties fall back to the publication date
 * (newest first) and then the control number, so the same input always gives the same order.
 */
public final class ResultOrdering {

    private ResultOrdering() {}

    public static List<Accepted> sort(List<Accepted> items, Ordenacao ordenacao) {
        Comparator<Accepted> tieBreak = Comparator.comparing(
                        (Accepted a) -> a.record().dataPublicacao(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(a -> a.record().numeroControlePncp());
        Comparator<Accepted> primary =
                switch (ordenacao) {
                    case DATA_DESC -> dates(PncpRecord::dataPublicacao, true);
                    case DATA_ASC -> dates(PncpRecord::dataPublicacao, false);
                    case VALOR_DESC ->
                        Comparator.comparing((Accepted a) -> a.record().valorOuZero(), Comparator.reverseOrder());
                    case VALOR_ASC ->
                        Comparator.comparing((Accepted a) -> a.record().valorOuZero());
                    case PRAZO_ASC -> dates(PncpRecord::dataEncerramento, false);
                    case RELEVANCIA ->
                        Comparator.comparingDouble((Accepted a) -> a.relevance())
                                .reversed();
                };
        List<Accepted> sorted = new ArrayList<>(items);
        sorted.sort(primary.thenComparing(tieBreak));
        return sorted;
    }

    private static Comparator<Accepted> dates(
            java.util.function.Function<PncpRecord, LocalDateTime> key, boolean descending) {
        Comparator<LocalDateTime> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing((Accepted a) -> key.apply(a.record()), Comparator.nullsLast(order));
    }
}
