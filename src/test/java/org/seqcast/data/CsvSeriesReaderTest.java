package org.seqcast.data;

import org.seqcast.config.MissingPolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqcast.data.Csv.dataError;
import static org.seqcast.data.Csv.labels;
import static org.seqcast.data.Csv.read;
import static org.seqcast.data.Csv.write;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.seqcast.config.DecimalMark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seqcast.SeqcastException;

/** Parsing, header and column checks, line numbers in errors, delimiters, encodings and stdin. */
class CsvSeriesReaderTest {
    @TempDir
    Path dir;

    // ------------------------------------------------------------ header and columns

    @Test
    void emptyFileIsAnErrorNamingTheFile() {
        String f = write(dir, "empty.csv", "");
        String msg = dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR));
        assertTrue(msg.startsWith(f + ": "), msg);
        assertTrue(msg.contains("empty") && msg.contains("header"), msg);
    }

    @Test
    void blankOnlyFileIsEmptyToo() {
        String f = write(dir, "blank.csv", "\n\r\n  \n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR));
        assertTrue(msg.startsWith(f + ": ") && msg.contains("empty"), msg);
    }

    @Test
    void headerWithoutRowsIsAnError() {
        String f = write(dir, "head.csv", "t,v\n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR));
        assertEquals(f + ": no data rows after the header", msg);
    }

    @Test
    void missingColumnsAreNamedWithTheColumnsThatExistAndADidYouMean() {
        String f = write(dir, "cols.csv", "month,passengers\n1949-01,112\n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "mnth", List.of("Passengers", "xyz"), MissingPolicy.ERROR));
        assertEquals(f + ": missing columns 'mnth' (did you mean 'month'?), 'Passengers' (did you mean 'passengers'?), 'xyz'; "
                + "the file has month, passengers", msg);
    }

    @Test
    void oneMissingValueColumnIsSingular() {
        String f = write(dir, "cols.csv", "month,passengers\n1949-01,112\n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "month", List.of("passenger"), MissingPolicy.ERROR));
        assertEquals(f + ": missing column 'passenger' (did you mean 'passengers'?); the file has month, passengers", msg);
    }

    @Test
    void headerNamesAreTrimmed() {
        TimeSeries s = read(dir, " t , v \n1,2\n", "t", "v");
        assertArrayEquals(new double[] {2}, s.column("v"));
    }

    @Test
    void headerReturnsTheNamesWithoutBom() {
        String f = write(dir, "bom.csv", "\uFEFFmonth;passengers\r\n1949-01;112\r\n");
        assertEquals(List.of("month", "passengers"), CsvSeriesReader.header(f));
    }

    @Test
    void headerOfAnEmptyFileIsAnError() {
        String f = write(dir, "empty.csv", "");
        String msg = dataError(() -> CsvSeriesReader.header(f));
        assertTrue(msg.startsWith(f + ": ") && msg.contains("empty"), msg);
    }

    @Test
    void aFileThatDoesNotExistIsAnIoError() {
        String f = dir.resolve("nope.csv").toString();
        SeqcastException e = assertThrows(SeqcastException.class, () -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR));
        assertEquals(SeqcastException.Kind.IO, e.kind());
        assertEquals(f + ": file not found", e.getMessage());
    }

    @Test
    void aDirectoryIsAnIoError() {
        SeqcastException e = assertThrows(SeqcastException.class,
                () -> CsvSeriesReader.read(dir.toString(), "t", List.of("v"), MissingPolicy.ERROR));
        assertEquals(SeqcastException.Kind.IO, e.kind());
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void onlyTheRequestedColumnsAreReadInTheRequestedOrder() {
        TimeSeries s = read(dir, "t,a,junk,b\n1,1,x,10\n2,2,y,20\n", "t", List.of("b", "a"), MissingPolicy.ERROR);
        assertEquals(List.of("b", "a"), s.columns());
        assertArrayEquals(new double[] {10, 20}, s.column("b"));
        assertEquals(1.0, s.value(1, 0));
    }

    // ------------------------------------------------------------ values and line numbers

    @Test
    void nonNumericCellNamesFileLineColumnAndValue() {
        String f = write(dir, "bad.csv", "t,v\n1,1\n2,abc\n3,3\n");
        assertEquals(f + ": line 3, column 'v': 'abc' is not a number",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void lineNumbersCountBlankLines() {
        String f = write(dir, "bad.csv", "t,v\n\n1,1\n\n\n2,abc\n");
        assertEquals(f + ": line 6, column 'v': 'abc' is not a number",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void lineNumbersWithCrlf() {
        String f = write(dir, "bad.csv", "t,v\r\n1,1\r\n\r\n2,abc\r\n3,3\r\n");
        assertEquals(f + ": line 4, column 'v': 'abc' is not a number",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void lineNumberOfTheLastLineWithoutNewline() {
        String f = write(dir, "bad.csv", "t,v\n1,1\n2,abc");
        assertEquals(f + ": line 3, column 'v': 'abc' is not a number",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void lineNumbersAfterAQuotedFieldSpanningLines() {
        String f = write(dir, "bad.csv", "t,note,v\n1,\"two\nlines\",1\n2,\"x\",abc\n");
        assertEquals(f + ": line 4, column 'v': 'abc' is not a number",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void aRecordSpanningLinesIsReportedAtTheLineWhereItStarts() {
        String f = write(dir, "bad.csv", "t,v,note\n1,1,x\n2,abc,\"two\nlines\"\n");
        assertEquals(f + ": line 3, column 'v': 'abc' is not a number",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void quotedNumbersAndTimesAreRead() {
        TimeSeries s = read(dir, "\"t\",\"v\"\n\"2020-01\",\"1.5\"\n\"2020-02\",\" 2.5 \"\n", "t", "v");
        assertArrayEquals(new double[] {1.5, 2.5}, s.column("v"));
        assertEquals(List.of("2020-01", "2020-02"), labels(s));
    }

    @Test
    void scientificAndSignedNumbersAreRead() {
        TimeSeries s = read(dir, "t,v\n1,1e3\n2,-2.5E-1\n3,+4\n", "t", "v");
        assertArrayEquals(new double[] {1000, -0.25, 4}, s.column("v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5f", "2d", "0x1p3", "1 2", "12%"})
    void javaSpecificNumberSyntaxIsNotANumber(String cell) {
        String f = write(dir, "bad.csv", "t,v\n1," + cell + "\n");
        assertEquals(f + ": line 2, column 'v': '" + cell + "' is not a number",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void plainNumberSyntax() {
        for (String ok : List.of("1", "-1", "+1", "1.", ".5", "-.5e3", "1E+2", "007", "1.25e-10")) {
            assertTrue(CsvSeriesReader.isPlainNumber(ok), ok);
        }
        for (String bad : List.of("", ".", "+", "-", "e5", "1e", "1e+", "1..2", "1.2.3", "--1", "1-", "0x10", "1_000")) {
            assertFalse(CsvSeriesReader.isPlainNumber(bad), bad);
        }
    }

    @Test
    void infinityIsNotAFiniteNumber() {
        String f = write(dir, "bad.csv", "t,v\n1,1\n2,Infinity\n");
        assertEquals(f + ": line 3, column 'v': 'Infinity' is not a finite number",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void aDecimalCommaUnderDecimalPointGetsAHintAtTheKey() {
        String f = write(dir, "bad.csv", "t;v\n1;1,5\n");
        String msg = dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), new ReadOptions(MissingPolicy.ERROR, null, DecimalMark.POINT)));
        assertTrue(msg.startsWith(f + ": line 2, column 'v': '1,5' is not a number"), msg);
        assertTrue(msg.endsWith("set data.decimal: comma"), msg);
    }

    @Test
    void wrongFieldCountNamesTheLine() {
        String f = write(dir, "bad.csv", "t,v\n1,1\n2,2,2\n3,3\n");
        assertEquals(f + ": line 3 has 3 fields, the header has 2; check the delimiter and quoting",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void tooFewFieldsNamesTheLine() {
        String f = write(dir, "bad.csv", "t,a,b\n1,1,1\n\n2,2\n");
        assertEquals(f + ": line 4 has 2 fields, the header has 3; check the delimiter and quoting",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("a"), MissingPolicy.ERROR)));
    }

    @Test
    void whitespaceOnlyLinesAreSkippedLikeBlankLines() {
        TimeSeries s = read(dir, "t,v\n1,1\n   \n2,2\n \t\n", "t", "v");
        assertArrayEquals(new double[] {1, 2}, s.column("v"));
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereItOpens() {
        String f = write(dir, "bad.csv", "t,v\n1,1\n2,\"2\n3,3\n");
        assertEquals(f + ": malformed CSV at line 3: a quoted field is not closed; check the quotes",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void textAfterAClosingQuoteNamesTheLine() {
        String f = write(dir, "bad.csv", "t,v\n1,1\n2,\"2\"x\n");
        assertEquals(f + ": malformed CSV at line 3: text after the closing quote of a field; check the quotes",
                dataError(() -> CsvSeriesReader.read(f, "t", List.of("v"), MissingPolicy.ERROR)));
    }

    // ------------------------------------------------------------ delimiters, encodings, streams

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t"})
    void delimiterIsDetected(String d) {
        TimeSeries s = read(dir, "t" + d + "a" + d + "b\n2020-01" + d + "1.5" + d + "2\n2020-02" + d + "3" + d + "4\n", "t",
                List.of("a", "b"), MissingPolicy.ERROR);
        assertArrayEquals(new double[] {1.5, 3}, s.column("a"));
        assertArrayEquals(new double[] {2, 4}, s.column("b"));
    }

    @Test
    void quotedDelimitersInTheHeaderDoNotFoolDetection() {
        TimeSeries s = read(dir, "t;\"a,b\"\n1;1\n2;2\n", "t", "a,b");
        assertArrayEquals(new double[] {1, 2}, s.column("a,b"));
    }

    @Test
    void bomAndCrlfAreAccepted() {
        TimeSeries s = read(dir, "\uFEFFmonth,passengers\r\n1949-01,112\r\n1949-02,118\r\n", "month", "passengers");
        assertEquals(List.of("1949-01", "1949-02"), labels(s));
        assertArrayEquals(new double[] {112, 118}, s.column("passengers"));
        assertEquals(List.of("1949-03"), s.futureTimes(1));
    }

    @Test
    void inputStreamOverloadUsesTheSourceNameInErrors() {
        InputStream in = new ByteArrayInputStream("t,v\n1,1\n2,x\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("<stdin>: line 3, column 'v': 'x' is not a number",
                dataError(() -> CsvSeriesReader.read(in, "<stdin>", "t", List.of("v"), MissingPolicy.ERROR)));
    }

    @Test
    void inputStreamOverloadReadsTheSeries() {
        InputStream in = new ByteArrayInputStream("t,v\n1,1\n2,2\n".getBytes(StandardCharsets.UTF_8));
        TimeSeries s = CsvSeriesReader.read(in, "piped", "t", List.of("v"), MissingPolicy.ERROR);
        assertEquals("piped", s.source());
        assertEquals(2, s.length());
    }

    @Test
    void dashReadsStandardInput() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("t,v\n1,5\n2,6\n".getBytes(StandardCharsets.UTF_8)));
            TimeSeries s = CsvSeriesReader.read("-", "t", List.of("v"), MissingPolicy.ERROR);
            assertEquals("<stdin>", s.source());
            assertArrayEquals(new double[] {5, 6}, s.column("v"));
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void shaIsOfTheRawBytesAndRawRowsCountsInputRows() {
        TimeSeries a = read(dir, "t,v\n1,1\n2,2\n", "t", "v");
        TimeSeries b = read(dir, "t,v\n1,1\n2,2\n", "t", "v");
        TimeSeries c = read(dir, "t,v\n1,1\n2,3\n", "t", "v");
        assertEquals(a.sha256(), b.sha256());
        assertNotEquals(a.sha256(), c.sha256());
        assertEquals(64, a.sha256().length());
        assertEquals(2, a.rawRows());
    }
}
