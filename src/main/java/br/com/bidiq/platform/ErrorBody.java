package br.com.bidiq.platform;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/** Every 4xx/5xx body: a Portuguese message and, for invalid input, the messages per field. */
@JsonbPropertyOrder({"erro", "campos", "detalhes"})
public record ErrorBody(
        @JsonbProperty("erro") String erro,
        @JsonbProperty("campos") Map<String, List<String>> campos,
        @JsonbProperty("detalhes") Map<String, Object> detalhes) {

    public static ErrorBody of(String message) {
        return new ErrorBody(message, null, null);
    }
}
