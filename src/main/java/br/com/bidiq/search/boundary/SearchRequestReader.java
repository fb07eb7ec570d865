package br.com.bidiq.search.boundary;

import br.com.bidiq.platform.ErrorBody;
import br.com.bidiq.search.entity.SearchRequest;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the body of {@code POST /api/buscar} strictly, before any binding: at most {@link #MAX_BYTES} bytes (413
 * beyond), valid UTF-8, well-formed JSON without repeated keys (400), and every known field of the JSON type its
 * record component declares (422 naming the field). JSON-B alone would coerce: {@code 1.5} into modality 1,
 * {@code "yes"} into {@code false}, the last of two repeated keys silently winning.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class SearchRequestReader implements MessageBodyReader<SearchRequest> {

    /** A real search body is under 2 KB; the largest valid one (every list at its cap) is about 12 KB. */
    public static final int MAX_BYTES = (int) br.com.bidiq.platform.RequestLimitsFilter.MAX_BODY_BYTES;

    /** More digits than any valid amount (13 integer digits, 2 decimals) plus sign, point and exponent. */
    static final int MAX_NUMBER_CHARS = 24;

    static final int MAX_DEPTH = 4;

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Map<String, Kind> FIELDS = fields();

    enum Kind {
        TEXT("um texto"),
        YES_NO("true ou false"),
        AMOUNT("um número"),
        TEXTS("uma lista de textos"),
        WHOLE_NUMBERS("uma lista de números inteiros");

        final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == SearchRequest.class;
    }

    @Override
    public SearchRequest readFrom(
            Class<SearchRequest> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body)
            throws IOException {
        String text = decode(readCapped(headers, body));
        if (text.isBlank()) {
            return null;
        }
        check(text);
        try {
            return JSONB.fromJson(text, SearchRequest.class);
        } catch (JsonbException e) {
            throw refusal(Response.Status.BAD_REQUEST, ErrorBody.of(UNREADABLE));
        }
    }

    static final String UNREADABLE = "JSON inválido: verifique o corpo da requisição.";
    static final String TOO_SLOW = "A requisição demorou demais para chegar: envie o corpo inteiro de uma vez.";
    /** A few hundred bytes arrive in milliseconds; a body still arriving after this is a client holding a thread. */
    static final java.time.Duration BODY_DEADLINE = java.time.Duration.ofSeconds(10);

    static final String TOO_LARGE =
            "Corpo da requisição grande demais: uma busca tem no máximo " + MAX_BYTES / 1024 + " KB.";

    private static byte[] readCapped(MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        String declared = headers.getFirst("Content-Length");
        if (declared != null && declared.strip().matches("\\d{1,18}") && Long.parseLong(declared.strip()) > MAX_BYTES) {
            throw refusal(Response.Status.REQUEST_ENTITY_TOO_LARGE, ErrorBody.of(TOO_LARGE));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        byte[] buffer = new byte[4096];
        long deadline = System.nanoTime() + BODY_DEADLINE.toNanos();
        int n;
        try {
            while ((n = body.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw refusal(Response.Status.REQUEST_ENTITY_TOO_LARGE, ErrorBody.of(TOO_LARGE));
                }
                if (System.nanoTime() - deadline > 0) {
                    throw refusal(Response.Status.REQUEST_TIMEOUT, ErrorBody.of(TOO_SLOW));
                }
            }
        } catch (IOException e) {
            // The server's read deadline (HTTP_READ_TIMEOUT) cut a stalled upload, or the client went away.
            throw refusal(Response.Status.REQUEST_TIMEOUT, ErrorBody.of(TOO_SLOW));
        }
        return out.toByteArray();
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw refusal(
                    Response.Status.BAD_REQUEST,
                    ErrorBody.of("O corpo da requisição não é UTF-8 válido:" + " envie o JSON codificado em UTF-8."));
        }
    }

    /** Walks the document once: syntax, depth, repeated keys, then the JSON type of every known field. */
    static void check(String text) {
        Map<String, List<String>> wrongTypes = new TreeMap<>();
        Deque<Set<String>> keys = new ArrayDeque<>();
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw refusal(
                        Response.Status.BAD_REQUEST,
                        ErrorBody.of("O corpo deve ser um objeto JSON com os" + " critérios da busca."));
            }
            keys.push(new HashSet<>());
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> {
                        String key = parser.getString();
                        if (!keys.peek().add(key)) {
                            throw refusal(
                                    Response.Status.BAD_REQUEST,
                                    ErrorBody.of("Campo repetido no JSON: " + printable(key)
                                            + ". Envie cada campo uma vez."));
                        }
                        if (keys.size() == 1 && FIELDS.containsKey(key)) {
                            Kind kind = FIELDS.get(key);
                            String problem = value(parser, kind);
                            if (problem != null) {
                                wrongTypes.put(key, List.of(problem));
                            }
                        }
                    }
                    case START_OBJECT, START_ARRAY -> {
                        if (keys.size() >= MAX_DEPTH) {
                            throw refusal(Response.Status.BAD_REQUEST, ErrorBody.of("JSON aninhado demais."));
                        }
                        keys.push(new HashSet<>());
                    }
                    case END_OBJECT, END_ARRAY -> keys.pop();
                    default -> {}
                }
            }
        } catch (JsonParsingException | java.util.NoSuchElementException | IllegalStateException e) {
            throw refusal(Response.Status.BAD_REQUEST, ErrorBody.of(UNREADABLE));
        }
        if (!wrongTypes.isEmpty()) {
            throw refusal(422, new ErrorBody("Requisição inválida: corrija os campos indicados.", wrongTypes, null));
        }
    }

    /** Reads the value of a known field; returns what is wrong with it, or null. */
    private static String value(JsonParser parser, Kind kind) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.VALUE_NULL) {
            return null;
        }
        String wrong = "Tipo inválido: esperado " + kind.expected;
        switch (kind) {
            case TEXT:
                return event == JsonParser.Event.VALUE_STRING ? null : skip(parser, event, wrong);
            case YES_NO:
                return event == JsonParser.Event.VALUE_TRUE || event == JsonParser.Event.VALUE_FALSE
                        ? null
                        : skip(parser, event, wrong + " (sem aspas)");
            case AMOUNT:
                if (event != JsonParser.Event.VALUE_NUMBER) {
                    return skip(parser, event, wrong + " (ex.: 50000.00, sem aspas)");
                }
                return amount(parser.getString());
            default:
                if (event != JsonParser.Event.START_ARRAY) {
                    return skip(parser, event, wrong);
                }
                String problem = null;
                while ((event = parser.next()) != JsonParser.Event.END_ARRAY) {
                    boolean ok = kind == Kind.TEXTS
                            ? event == JsonParser.Event.VALUE_STRING
                            : event == JsonParser.Event.VALUE_NUMBER && wholeNumber(parser.getString());
                    if (!ok && event != JsonParser.Event.VALUE_NULL) {
                        problem = kind == Kind.TEXTS
                                ? "Tipo inválido: esperado " + kind.expected
                                : "Tipo inválido: use números inteiros (ex.: 6), sem casas decimais";
                        if (event == JsonParser.Event.START_ARRAY || event == JsonParser.Event.START_OBJECT) {
                            skipStructure(parser);
                        }
                    }
                }
                return problem;
        }
    }

    private static String amount(String number) {
        if (number.length() > MAX_NUMBER_CHARS) {
            return "Valor fora do limite: no máximo R$ 10.000.000.000.000,00, com até 2 casas decimais";
        }
        return null;
    }

    private static boolean wholeNumber(String number) {
        return number.length() <= 3 && number.matches("-?\\d+");
    }

    private static String skip(JsonParser parser, JsonParser.Event event, String problem) {
        if (event == JsonParser.Event.START_ARRAY || event == JsonParser.Event.START_OBJECT) {
            skipStructure(parser);
        }
        return problem;
    }

    /** Consumes the rest of an array or object whose start was just read, still refusing repeated keys inside. */
    private static void skipStructure(JsonParser parser) {
        int depth = 1;
        while (depth > 0) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.START_ARRAY || event == JsonParser.Event.START_OBJECT) {
                if (++depth > MAX_DEPTH) {
                    throw refusal(Response.Status.BAD_REQUEST, ErrorBody.of("JSON aninhado demais."));
                }
            } else if (event == JsonParser.Event.END_ARRAY || event == JsonParser.Event.END_OBJECT) {
                depth--;
            }
        }
    }

    private static String printable(String key) {
        String clean = key.replaceAll("[^A-Za-z0-9_]", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 40) + "…";
    }

    private static WebApplicationException refusal(Response.Status status, ErrorBody body) {
        return refusal(status.getStatusCode(), body);
    }

    private static WebApplicationException refusal(int status, ErrorBody body) {
        return new WebApplicationException(Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(body)
                .build());
    }

    /** The JSON name and kind of each record component, so that a new field is checked without a second list. */
    private static Map<String, Kind> fields() {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (RecordComponent c : SearchRequest.class.getRecordComponents()) {
            JsonbProperty name = c.getAnnotation(JsonbProperty.class);
            if (name == null) {
                name = c.getAccessor().getAnnotation(JsonbProperty.class);
            }
            String json = name != null ? name.value() : c.getName();
            fields.put(json, kind(c));
        }
        return Map.copyOf(fields);
    }

    private static Kind kind(RecordComponent c) {
        Class<?> type = c.getType();
        if (type == String.class) {
            return Kind.TEXT;
        }
        if (type == Boolean.class) {
            return Kind.YES_NO;
        }
        if (type == BigDecimal.class) {
            return Kind.AMOUNT;
        }
        if (type == List.class && c.getGenericType() instanceof ParameterizedType p) {
            Type element = p.getActualTypeArguments()[0];
            if (element instanceof java.lang.reflect.AnnotatedType a) {
                element = a.getType();
            }
            if (element == String.class) {
                return Kind.TEXTS;
            }
            if (element == Integer.class) {
                return Kind.WHOLE_NUMBERS;
            }
        }
        throw new IllegalStateException("SearchRequest." + c.getName() + ": no JSON kind for " + type);
    }
}
