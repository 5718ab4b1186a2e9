package org.seqcast.store;

import java.util.Locale;
import org.seqcast.SeqcastException;
import org.seqcast.data.Frequency;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Schema;

/** Checks that data fit a saved model beyond its columns: the model forecasts in the frequency it was trained on. */
public final class SchemaChecks {
    private SchemaChecks() {
    }

    /** The model's frequency as a value; the unit was checked when the file was read. */
    public static Frequency frequency(Schema s) {
        return new Frequency(Frequency.Unit.valueOf(s.frequencyUnit().toUpperCase(Locale.ROOT)), s.frequencyMultiple());
    }

    /** A series whose frequency differs from the model's is refused: its forecast would be stamped and shaped wrongly. */
    public static void requireFrequency(Schema s, TimeSeries series, String model) {
        Frequency want = frequency(s);
        if (!want.equals(series.frequency())) {
            throw SeqcastException.data(series.source() + ": the data are " + series.frequency().describe() + " but the model " + model
                    + " was trained on " + want.describe() + " data; give data at the model's frequency, or train a model on these");
        }
    }
}
