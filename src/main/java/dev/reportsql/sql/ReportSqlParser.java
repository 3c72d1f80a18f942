package dev.reportsql.sql;

import java.io.Reader;
import java.io.StringReader;
import java.util.Locale;

import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.babel.ParseException;
import org.apache.calcite.sql.parser.babel.SimpleCharStream;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.parser.babel.Token;
import org.apache.calcite.util.SourceStringReader;

/**
 * The driver's SQL parser: Calcite's Babel parser, which takes most keywords PostgreSQL does not
 * reserve as plain names ({@code value}, {@code start}, {@code year}, {@code rank}, ...), with two
 * changes. {@code uuid} (a type name Calcite 1.42 reserves), {@code running} and {@code final} are
 * names too outside the few places that need the keyword ({@link NameTokens}); and a syntax error
 * at a word the parser still reserves says to quote it. Planning (Calcite's connection property {@code parserFactory}) and the driver's own
 * parsing before planning both use {@link #FACTORY}, so they agree on every statement.
 */
public final class ReportSqlParser extends SqlBabelParserImpl {
    /** Makes parsers; named by {@code parserFactory} as {@code dev.reportsql.sql.ReportSqlParser#FACTORY}. */
    public static final SqlParserImplFactory FACTORY = ReportSqlParser::create;

    private final Chars chars;

    private ReportSqlParser(Chars chars) {
        super(new NameTokens(chars));
        this.chars = chars;
    }

    private static SqlAbstractParserImpl create(Reader reader) {
        // Babel's own factory sizes the character buffer to the statement; so does this one.
        String sql = reader instanceof SourceStringReader s ? s.getSourceString() : null;
        int buffer = sql == null ? 4096 : Math.max(sql.length(), 1);
        ReportSqlParser parser = new ReportSqlParser(new Chars(reader, buffer));
        if (sql != null) {
            parser.setOriginalSql(sql);
        }
        return parser;
    }

    /** The parser's keywords: which are reserved, which are function names. */
    public static SqlAbstractParserImpl.Metadata metadata() {
        return create(new StringReader("")).getMetadata();
    }

    /** Babel's version sets it on the stream only its Reader constructor makes, which this parser has not. */
    @Override
    public void setTabSize(int tabSize) {
        chars.tabSize(tabSize);
    }

    @Override
    public void ReInit(Reader reader) {
        chars.ReInit(reader, 1, 1);
        ReInit(new NameTokens(chars));
    }

    /** The character stream, with its tab size settable from here (Calcite's parser sets it to 1). */
    private static final class Chars extends SimpleCharStream {
        Chars(Reader reader, int buffer) {
            super(reader, 1, 1, buffer);
        }

        void tabSize(int size) {
            setTabSize(size);
        }
    }

    /** Calcite's message, plus the way out when the word it stopped at is one this parser reserves. */
    @Override
    public SqlParseException normalizeException(Throwable ex) {
        SqlParseException e = super.normalizeException(ex);
        String word = reservedWordAt(ex);
        if (word == null) {
            return e;
        }
        String message = e.getMessage();
        int eol = message.indexOf('\n');
        String first = eol < 0 ? message : message.substring(0, eol);
        String rest = eol < 0 ? "" : message.substring(eol);
        String hint = (first.endsWith(".") ? " " : ". ") + "'" + word + "' is a reserved word; where it is a name, "
                + "write it in double quotes (\"" + word + "\").";
        return new SqlParseException(first + hint + rest, e.getPos(), e.getExpectedTokenSequences(),
                e.getTokenImages(), e.getCause());
    }

    /**
     * The reserved word, as written, that the parser stopped at or that follows the {@code AS} it
     * stopped at ({@code SELECT x AS range}); null if there is none.
     */
    private String reservedWordAt(Throwable ex) {
        if (!(ex instanceof ParseException p) || p.currentToken == null) {
            return null;
        }
        Token next = p.currentToken.next;
        if (next != null && next.kind == AS) {
            next = next.next;
        }
        if (next == null || next.image == null || !next.image.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return null;
        }
        return getMetadata().isReservedWord(next.image.toUpperCase(Locale.ROOT)) ? next.image : null;
    }
}
