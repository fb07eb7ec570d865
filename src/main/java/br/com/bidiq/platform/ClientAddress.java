package br.com.bidiq.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who a request comes from, for per-client limits: the peer address, or, when the peer is one of the balancers listed
 * in {@code HTTP_TRUSTED_PROXIES}, the address that balancer saw (the right-most untrusted hop of
 * {@code X-Forwarded-For}). A client talking to the node directly cannot choose its identity by sending the header.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "http.trusted-proxies")
    Optional<String> trustedProxies;

    private volatile Set<String> trusted;

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        Set<String> proxies = trusted();
        if (peer == null || !proxies.contains(peer)) {
            return peer == null ? "desconhecido" : peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank() || forwarded.length() > 1_000) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !proxies.contains(hop)) {
                return hop.matches("[0-9A-Fa-f.:\\[\\]]{2,64}") ? hop : peer;
            }
        }
        return peer;
    }

    private Set<String> trusted() {
        Set<String> t = trusted;
        if (t == null) {
            t = trustedProxies
                    .map(s -> Arrays.stream(s.split(","))
                            .map(String::strip)
                            .filter(x -> !x.isEmpty())
                            .collect(Collectors.toUnmodifiableSet()))
                    .orElse(Set.of());
            trusted = t;
        }
        return t;
    }
}
