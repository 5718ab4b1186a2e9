package org.seqcast.forecast;

import org.seqcast.config.WindowNorm;

/**
 * How a model trained across many series ({@code --global}) fits the preprocessor of a series from the history it is
 * given: the values the training run resolved once over all its series ({@code train.Plan}: lookback, stride, season
 * inputs and periods, lags, residual, padding) and the window normalisation it kept. A global model file stores this
 * instead of any one series' fitted preprocessor; {@code train.SavedModels} rebuilds the plan from it and fits each
 * series with the same code the training run used ({@code train.PreparedSeries}).
 */
public record Recipe(int timesteps, int stride, boolean seasonInputs, int periods, boolean lags, boolean residual, boolean pad,
                     WindowNorm windowNorm) {
    public Recipe {
        if (timesteps < 1 || stride < 1 || periods < 1 || windowNorm == null || windowNorm == WindowNorm.AUTO) {
            throw new IllegalArgumentException("Invalid recipe: timesteps = " + timesteps + ", stride = " + stride + ", periods = " + periods
                    + ", window norm = " + windowNorm);
        }
    }
}
