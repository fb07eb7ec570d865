package br.com.bidiq.filtering.control;

import br.com.bidiq.filtering.entity.ParsedTerms;

/** Every custom term was ignored: there is nothing to search for. */
public class InvalidTermsException extends RuntimeException {

    public static final String SUGGESTION =
            "Use termos mais específicos (mínimo 4 caracteres, evite palavras comuns" + " como 'de', 'da', etc.)";

    private final transient ParsedTerms terms;

    public InvalidTermsException(ParsedTerms terms) {
        super("Nenhum termo válido para busca");
        this.terms = terms;
    }

    public ParsedTerms terms() {
        return terms;
    }
}
