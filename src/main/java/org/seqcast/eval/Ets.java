package org.seqcast.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Automatic exponential smoothing in the innovations state space form of Hyndman et al. (2008), as R forecast's
 * {@code ets(y)} with its defaults: error A or M, trend N, A or damped A (no multiplicative trend), season N, A or M;
 * {@code restrict = TRUE} (no additive error with a multiplicative season), multiplicative error and season only for
 * strictly positive data, a season only for 1 &lt; m &lt;= 24 and more than m rows. Each model's smoothing parameters
 * and initial states maximise the likelihood (Nelder-Mead from commons-math3, started and stopped as R's
 * {@code nmmin}: the initial simplex steps 0.1 x the largest parameter, relative tolerance sqrt(machine epsilon),
 * at most 2000 evaluations) within ets' "usual" bounds (alpha, beta, gamma in [1e-4, 0.9999], beta &lt;= alpha,
 * gamma &lt;= 1 - alpha, phi in [0.8, 0.98]) and its admissible region; the initial states start from ets' heuristic
 * (classical decomposition, or a Fourier regression under three seasons; a line through the first max(10, 2m)
 * seasonally adjusted values). The model with the lowest AICc is chosen. Point forecasts are the state recursion
 * without errors (R's {@code forecast.ets} means).
 *
 * <p>A constant series is forecast constant (R: {@code ses(alpha = 0.99999)}); a series of at most six rows (where R
 * switches to {@code HoltWinters}) gets the better of ETS(A,N,N) and ETS(A,A,N) by one-step error, and one of fewer
 * than four rows its last value.
 */
public final class Ets {
    /** Lower and upper bounds of alpha, beta and gamma (ets' {@code lower}, {@code upper}). */
    static final double LOWER = 1e-4;
    static final double UPPER = 0.9999;
    static final double PHI_LOWER = 0.8;
    static final double PHI_UPPER = 0.98;
    /** The optimiser's evaluation budget and relative tolerance (ets' {@code maxit}, nmmin's {@code reltol}). */
    static final int MAX_EVALUATIONS = 2000;
    static final double RELATIVE_TOLERANCE = 1.4901161193847656e-8;
    /** The longest season ets models (longer ones: no season). */
    public static final int MAX_SEASON = 24;
    private static final double TOL = 1e-10;
    private static final double HUGE = 1e10;

    /** A component's form: none, additive, multiplicative. */
    public enum Form { N, A, M }

    private Ets() {
    }

    /**
     * One fitted exponential smoothing model: its components, parameters (beta, gamma NaN when the model has no trend
     * or season; phi 1 undamped), the state at the start ({@code initial}) and after the last row ({@code last}):
     * level, slope when trended, then the m seasonal states, the most recent first), its AICc and the rows it saw.
     */
    public record Model(Form error, Form trend, boolean damped, Form season, int period, double alpha, double beta,
                        double gamma, double phi, double[] initial, double[] last, double aicc, int rows) {
        public Model {
            initial = initial.clone();
            last = last.clone();
        }

        /** As R prints it: {@code ETS(M,Ad,A)}. */
        public String label() {
            return String.format(Locale.ROOT, "ETS(%s,%s%s,%s)", error, trend, damped ? "d" : "", season);
        }

        /** The point forecasts of the {@code h} steps after the last row. */
        public double[] forecast(int h) {
            if (h < 1) {
                throw new IllegalArgumentException("Invalid horizon = " + h);
            }
            return pointForecasts(last, trend != Form.N, season, season == Form.N ? 1 : period, phi, h);
        }

        /**
         * The same model (parameters and initial state) run over {@code y}, a longer history that begins with the
         * rows it was fitted on: the state after {@code y}'s last row, for forecasting from a later origin without
         * refitting.
         */
        public Model over(double[] y) {
            if (y.length < rows) {
                throw new IllegalArgumentException("Invalid history: " + y.length + " rows, the model was fitted on " + rows);
            }
            if (alpha == 0) {
                return fixedLevel(y, y[y.length - 1]);
            }
            double[] state = initial.clone();
            new Shape(error, trend != Form.N, season, season == Form.N ? 1 : period).run(y, state, alpha, beta, gamma, phi, true);
            return new Model(error, trend, damped, season, period, alpha, beta, gamma, phi, initial, state, aicc, y.length);
        }
    }

    /**
     * The ETS model with the lowest AICc for {@code y} (oldest first, finite) with season length {@code period}
     * (1 for none).
     *
     * @throws IllegalArgumentException on an empty history, a non-finite value or a period below 1
     */
    public static Model fit(double[] y, int period) {
        if (period < 1) {
            throw new IllegalArgumentException("Invalid period = " + period);
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("Invalid history: no rows");
        }
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Invalid history: non-finite value " + v);
            }
        }
        int n = y.length;
        if (Arrays.stream(y).allMatch(v -> v == y[0]) || n < 4) {
            return fixedLevel(y, n < 4 ? y[n - 1] : y[0]);
        }
        int m = period > MAX_SEASON || n <= period ? 1 : period;
        boolean positive = Arrays.stream(y).allMatch(v -> v > 0);
        if (n <= 6) {
            Model ses = fitOne(y, Form.A, Form.N, false, Form.N, 1, false);
            Model holt = fitOne(y, Form.A, Form.A, false, Form.N, 1, false);
            Model best = holt != null && (ses == null || mse(y, holt) < mse(y, ses)) ? holt : ses;
            return best != null ? best : fixedLevel(y, y[n - 1]);
        }
        Model best = null;
        for (Form error : new Form[]{Form.A, Form.M}) {
            for (Form trend : new Form[]{Form.N, Form.A}) {
                for (Form season : m > 1 ? new Form[]{Form.N, Form.A, Form.M} : new Form[]{Form.N}) {
                    for (boolean damped : new boolean[]{true, false}) {
                        if (trend == Form.N && damped) {
                            continue;
                        }
                        if (error == Form.A && season == Form.M) {
                            continue;
                        }
                        if (!positive && (error == Form.M || season == Form.M)) {
                            continue;
                        }
                        Model fit = fitOne(y, error, trend, damped, season, m, true);
                        if (fit != null && !Double.isNaN(fit.aicc()) && (best == null ? fit.aicc() < Double.POSITIVE_INFINITY : fit.aicc() < best.aicc())) {
                            best = fit;
                        }
                    }
                }
            }
        }
        return best != null ? best : fixedLevel(y, y[n - 1]);
    }

    /** The one-step mean squared error of a fitted model on its data. */
    private static double mse(double[] y, Model model) {
        Shape s = new Shape(model.error(), model.trend() != Form.N, model.season(), 1);
        double[] state = model.initial().clone();
        s.run(y, state, model.alpha(), model.beta(), model.gamma(), model.phi(), false);
        return s.sse / y.length;
    }

    private static Model fixedLevel(double[] y, double level) {
        return new Model(Form.A, Form.N, false, Form.N, 1, 0, Double.NaN, Double.NaN, 1, new double[]{level}, new double[]{level},
                Double.NaN, y.length);
    }

    /** One model fitted by maximum likelihood, or null when it cannot be (too few rows, no finite start). */
    static Model fitOne(double[] y, Form error, Form trend, boolean damped, Form season, int m, boolean aicc) {
        int n = y.length;
        boolean trended = trend != Form.N;
        int mm = season == Form.N ? 1 : m;
        double[] init;
        try {
            init = initialStates(y, trended, season, mm);
        } catch (IllegalArgumentException e) {
            return null;
        }
        // ets' initparam
        double alpha0 = LOWER + 0.2 * (UPPER - LOWER) / mm;
        if (alpha0 > 1 || alpha0 < 0) {
            alpha0 = LOWER + 2e-3;
        }
        int npar = 1 + (trended ? 1 : 0) + (season != Form.N ? 1 : 0) + (damped ? 1 : 0);
        double[] start = new double[npar + init.length];
        int k = 0;
        start[k++] = alpha0;
        if (trended) {
            double beta0 = LOWER + 0.1 * (Math.min(UPPER, alpha0) - LOWER);
            start[k++] = beta0 < 0 || beta0 > alpha0 ? alpha0 - 1e-3 : beta0;
        }
        if (season != Form.N) {
            double gamma0 = LOWER + 0.05 * (Math.min(UPPER, 1 - alpha0) - LOWER);
            start[k++] = gamma0 < 0 || gamma0 > 1 - alpha0 ? 1 - alpha0 - 1e-3 : gamma0;
        }
        if (damped) {
            double phi0 = PHI_LOWER + 0.99 * (PHI_UPPER - PHI_LOWER);
            start[k++] = phi0 < 0 || phi0 > 1 ? PHI_UPPER - 1e-3 : phi0;
        }
        System.arraycopy(init, 0, start, npar, init.length);
        if (start.length >= n - 1) {
            return null;
        }
        Shape shape = new Shape(error, trended, season, mm);
        Objective objective = new Objective(y, shape, trended, season != Form.N, damped, npar);
        double[] best = minimise(objective, start);
        if (best == null) {
            return null;
        }
        double lik = objective.value(best);
        if (!Double.isFinite(lik)) {
            return null;
        }
        double[] p = objective.parameters(best);
        double[] state = objective.state(best);
        double[] initial = state.clone();
        shape.run(y, state, p[0], p[1], p[2], p[3], true);
        int np = start.length + 1;
        double aic = lik + 2.0 * np;
        double value = aicc ? aic + 2.0 * np * (np + 1) / (n - np - 1) : aic;
        return new Model(error, trend, damped, season, m, p[0], p[1], p[2], p[3], initial, state, value, n);
    }

    /**
     * Nelder-Mead (commons-math3's simplex moves: reflection 1, expansion 2, contraction 0.5, shrink 0.5) started
     * and stopped as R's {@code nmmin} that ets calls: the initial simplex adds 0.1 x the largest |parameter| to each
     * coordinate in turn; it stops when the worst and best values differ by at most reltol x (|f(start)| + reltol) or
     * after 2000 evaluations. Null when the start cannot be evaluated.
     */
    static double[] minimise(MultivariateFunction f, double[] start) {
        int d = start.length;
        double step = 0;
        for (double v : start) {
            step = Math.max(step, 0.1 * Math.abs(v));
        }
        if (step == 0) {
            step = 0.1;
        }
        double[][] reference = new double[d + 1][d];
        for (int i = 0; i < d; i++) {
            reference[i + 1][i] = step;
        }
        int[] evaluations = {0};
        MultivariateFunction counted = x -> {
            evaluations[0]++;
            return f.value(x);
        };
        double f0 = f.value(start);
        if (!Double.isFinite(f0)) {
            return null;
        }
        double tolerance = RELATIVE_TOLERANCE * (Math.abs(f0) + RELATIVE_TOLERANCE);
        NelderMeadSimplex simplex = new NelderMeadSimplex(reference, 1.0, 2.0, 0.5, 0.5);
        Comparator<PointValuePair> order = Comparator.comparingDouble(PointValuePair::getValue);
        simplex.build(start);
        simplex.evaluate(counted, order);
        while (evaluations[0] < MAX_EVALUATIONS) {
            double low = simplex.getPoint(0).getValue();
            double high = simplex.getPoint(d).getValue();
            if (high <= low + tolerance) {
                break;
            }
            simplex.iterate(counted, order);
        }
        return simplex.getPoint(0).getPointRef().clone();
    }

    /** ets' target function: the likelihood criterion, infinite outside the usual bounds and the admissible region. */
    static final class Objective implements MultivariateFunction {
        private final double[] y;
        private final Shape shape;
        private final boolean trended;
        private final boolean seasonal;
        private final boolean damped;
        private final int npar;
        private final double[] state;

        Objective(double[] y, Shape shape, boolean trended, boolean seasonal, boolean damped, int npar) {
            this.y = y;
            this.shape = shape;
            this.trended = trended;
            this.seasonal = seasonal;
            this.damped = damped;
            this.npar = npar;
            this.state = new double[1 + (trended ? 1 : 0) + (seasonal ? shape.m : 0)];
        }

        /** alpha, beta, gamma, phi (NaN, NaN, 1 where the model has none). */
        double[] parameters(double[] x) {
            int k = 1;
            double beta = trended ? x[k++] : Double.NaN;
            double gamma = seasonal ? x[k++] : Double.NaN;
            double phi = damped ? x[k] : 1;
            return new double[]{x[0], beta, gamma, phi};
        }

        /** The full initial state: the optimised ones and the last seasonal state that makes the season sum to m (M) or 0 (A). */
        double[] state(double[] x) {
            double[] s = new double[state.length];
            fillState(x, s);
            return s;
        }

        /** Writes the initial state of {@code x} into {@code s} (the evaluation reuses one buffer: it runs thousands of times). */
        private void fillState(double[] x, double[] s) {
            int free = x.length - npar;
            System.arraycopy(x, npar, s, 0, free);
            if (seasonal) {
                double sum = 0;
                for (int i = trended ? 2 : 1; i < free; i++) {
                    sum += s[i];
                }
                s[free] = (shape.season == Form.M ? shape.m : 0) - sum;
            }
        }

        @Override
        public double value(double[] x) {
            double[] p = parameters(x);
            double alpha = p[0];
            double beta = p[1];
            double gamma = p[2];
            double phi = p[3];
            if (alpha < LOWER || alpha > UPPER) {
                return Double.POSITIVE_INFINITY;
            }
            if (trended && (beta < LOWER || beta > alpha || beta > UPPER)) {
                return Double.POSITIVE_INFINITY;
            }
            if (damped && (phi < PHI_LOWER || phi > PHI_UPPER)) {
                return Double.POSITIVE_INFINITY;
            }
            if (seasonal && (gamma < LOWER || gamma > 1 - alpha || gamma > UPPER)) {
                return Double.POSITIVE_INFINITY;
            }
            if (!admissible(alpha, trended ? beta : Double.NaN, seasonal ? gamma : Double.NaN, phi, shape.m)) {
                return Double.POSITIVE_INFINITY;
            }
            fillState(x, state);
            if (seasonal && shape.season == Form.M) {
                for (int i = trended ? 2 : 1; i < state.length; i++) {
                    if (state[i] < 0) {
                        return Double.POSITIVE_INFINITY;
                    }
                }
            }
            double lik = shape.run(y, state, alpha, beta, gamma, phi, false);
            if (lik < -1e10) {
                lik = -1e10;
            }
            return Double.isNaN(lik) ? Double.POSITIVE_INFINITY : lik;
        }
    }

    /**
     * ets' admissible region (its {@code admissible()}): for a seasonal model every root of the characteristic
     * polynomial within 1 + 1e-10 of the origin. beta and gamma NaN when the model has none.
     */
    static boolean admissible(double alpha, double beta, double gamma, double phi, int m) {
        if (phi < 0 || phi > 1 + 1e-8) {
            return false;
        }
        if (Double.isNaN(gamma)) {
            if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) {
                return false;
            }
            return Double.isNaN(beta) || (beta >= alpha * (phi - 1) && beta <= (1 + phi) * (2 - alpha));
        }
        if (m <= 1) {
            return true;
        }
        double b = Double.isNaN(beta) ? 0 : beta;
        if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) {
            return false;
        }
        if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) {
            return false;
        }
        if (b < -(1 - phi) * (gamma / m + alpha)) {
            return false;
        }
        // z^(m+1) + c1 z^m + ... + c(m+1), decreasing powers as ets passes them to polyroot.
        double[] c = new double[m + 2];
        c[0] = 1;
        c[1] = alpha + b - phi;
        for (int i = 2; i < m; i++) {
            c[i] = alpha + b - alpha * phi;
        }
        c[m] = alpha + b - alpha * phi + gamma - 1;
        c[m + 1] = phi * (1 - alpha - gamma);
        return rootsWithin(c, 1 + 1e-10);
    }

    /**
     * Whether every root of the monic polynomial z^d + c[1] z^(d-1) + ... + c[d] lies within {@code radius} of the
     * origin: the Schur-Cohn (Levinson step-down) test on the polynomial scaled to the unit circle, O(d^2) and
     * without root finding (the optimiser asks this at every evaluation of a seasonal model).
     */
    static boolean rootsWithin(double[] c, double radius) {
        int d = c.length - 1;
        double[] a = new double[d + 1];
        double scale = 1;
        for (int i = 1; i <= d; i++) {
            scale /= radius;
            a[i] = c[i] / c[0] * scale;
        }
        double[] next = new double[d + 1];
        for (int i = d; i >= 1; i--) {
            double k = a[i];
            if (!(Math.abs(k) < 1)) {
                return false;
            }
            double den = 1 - k * k;
            for (int j = 1; j < i; j++) {
                next[j] = (a[j] - k * a[i - j]) / den;
            }
            System.arraycopy(next, 1, a, 1, i - 1);
        }
        return true;
    }

    /** The model's structure and its recursion (R forecast's {@code etscalc}), with the one-step errors' sums. */
    static final class Shape {
        final Form error;
        final boolean trended;
        final Form season;
        final int m;
        double sse;
        private final double[] ring;

        Shape(Form error, boolean trended, Form season, int m) {
            this.error = error;
            this.trended = trended;
            this.season = season;
            this.m = m;
            this.ring = new double[Math.max(1, m)];
        }

        /**
         * Runs the recursion over {@code y} from {@code state} (level, slope?, seasonal states most recent first);
         * with {@code keep} the state after the last row is written back. Returns ets' likelihood criterion
         * n log(sum e^2) (+ 2 sum log|forecast| for multiplicative errors), sets {@link #sse}.
         */
        double run(double[] y, double[] state, double alpha, double beta, double gamma, double phi, boolean keep) {
            int n = y.length;
            double l = state[0];
            double b = trended ? state[1] : 0;
            int off = trended ? 2 : 1;
            boolean seasonal = season != Form.N;
            boolean multSeason = season == Form.M;
            int head = 0;
            if (seasonal) {
                // s[j] = ring[(head - j) mod m]: s[0] the most recent
                for (int j = 0; j < m; j++) {
                    ring[Math.floorMod(-j, m)] = state[off + j];
                }
            }
            double sse = 0;
            double logs = 0;
            boolean mult = error == Form.M;
            double ratio = trended ? beta / alpha : 0;
            for (int i = 0; i < n; i++) {
                double phib = trended ? phi * b : 0;
                double q = l + phib;
                double oldest = 0;
                int oldestAt = 0;
                double f = q;
                if (seasonal) {
                    oldestAt = head + 1 == m ? 0 : head + 1;
                    oldest = ring[oldestAt];
                    f = multSeason ? q * oldest : q + oldest;
                }
                double e = mult ? (y[i] - f) / f : y[i] - f;
                sse += e * e;
                if (mult) {
                    logs += Math.log(Math.abs(f));
                }
                double p;
                if (!seasonal) {
                    p = y[i];
                } else if (!multSeason) {
                    p = y[i] - oldest;
                } else {
                    p = Math.abs(oldest) < TOL ? HUGE : y[i] / oldest;
                }
                double nl = q + alpha * (p - q);
                if (trended) {
                    b = phib + ratio * (nl - l - phib);
                }
                if (seasonal) {
                    double t = multSeason ? (Math.abs(q) < TOL ? HUGE : y[i] / q) : y[i] - q;
                    ring[oldestAt] = oldest + gamma * (t - oldest);
                    head = oldestAt;
                }
                l = nl;
            }
            this.sse = sse;
            if (keep) {
                state[0] = l;
                if (trended) {
                    state[1] = b;
                }
                if (seasonal) {
                    for (int j = 0; j < m; j++) {
                        state[off + j] = ring[Math.floorMod(head - j, m)];
                    }
                }
            }
            double lik = n * Math.log(sse);
            return mult ? lik + 2 * logs : lik;
        }
    }

    /** R forecast's {@code forecast()} of etscalc: h steps from a state, damped slope summed. */
    static double[] pointForecasts(double[] state, boolean trended, Form season, int m, double phi, int h) {
        double[] f = new double[h];
        double l = state[0];
        double b = trended ? state[1] : 0;
        int off = trended ? 2 : 1;
        double phistar = phi;
        for (int i = 0; i < h; i++) {
            f[i] = trended ? l + phistar * b : l;
            if (season != Form.N) {
                int j = Math.floorMod(m - 1 - i, m);
                f[i] = season == Form.A ? f[i] + state[off + j] : f[i] * state[off + j];
            }
            phistar += Math.abs(phi - 1) < TOL ? 1 : Math.pow(phi, i + 1);
        }
        return f;
    }

    /**
     * ets' {@code initstate}: seasonal states from a classical decomposition (a Fourier regression under three
     * seasons), most recent first and without the last (which the optimiser's constraint sets); level (and slope)
     * from the mean of (a line through) the first max(10, 2m) seasonally adjusted values.
     */
    static double[] initialStates(double[] y, boolean trended, Form season, int m) {
        int n = y.length;
        double[] sa = y;
        double[] seas = new double[0];
        if (season != Form.N) {
            if (n < 4) {
                throw new IllegalArgumentException("Invalid history: " + n + " rows");
            }
            double[] seasonal = n < 3 * m ? fourierSeasonal(y, m, season) : decompose(y, m, season);
            seas = new double[m - 1];
            for (int j = 0; j < m - 1; j++) {
                seas[j] = seasonal[m - 1 - j];
            }
            sa = new double[n];
            if (season == Form.A) {
                for (int i = 0; i < n; i++) {
                    sa[i] = y[i] - seasonal[i];
                }
            } else {
                double sum = 0;
                for (int j = 0; j < seas.length; j++) {
                    seas[j] = Math.max(seas[j], 0.01);
                    sum += seas[j];
                }
                if (sum > m) {
                    double total = sum + 0.01 * seas.length;
                    for (int j = 0; j < seas.length; j++) {
                        seas[j] /= total;
                    }
                }
                for (int i = 0; i < n; i++) {
                    sa[i] = y[i] / Math.max(seasonal[i], 0.01);
                }
            }
        }
        int maxn = Math.min(Math.max(10, 2 * (season == Form.N ? 1 : m)), n);
        double[] out = new double[(trended ? 2 : 1) + seas.length];
        if (!trended) {
            double mean = 0;
            for (int i = 0; i < maxn; i++) {
                mean += sa[i];
            }
            out[0] = mean / maxn;
        } else {
            double tm = (maxn + 1) / 2.0;
            double ym = 0;
            for (int i = 0; i < maxn; i++) {
                ym += sa[i] / maxn;
            }
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < maxn; i++) {
                sxy += (i + 1 - tm) * (sa[i] - ym);
                sxx += (i + 1 - tm) * (i + 1 - tm);
            }
            double slope = sxy / sxx;
            double l0 = ym - slope * tm;
            if (Math.abs(l0 + slope) < 1e-8) {
                l0 *= 1 + 1e-3;
                slope *= 1 - 1e-3;
            }
            out[0] = l0;
            out[1] = slope;
        }
        System.arraycopy(seas, 0, out, trended ? 2 : 1, seas.length);
        return out;
    }

    /** R's {@code decompose(y, type)}: the seasonal figure of each position from the series' first row, repeated. */
    static double[] decompose(double[] y, int m, Form season) {
        int n = y.length;
        double[] w = new double[m % 2 == 0 ? m + 1 : m];
        Arrays.fill(w, 1.0 / m);
        if (m % 2 == 0) {
            w[0] = w[m] = 0.5 / m;
        }
        int half = w.length / 2;
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int i = half; i < n - half; i++) {
            double trend = 0;
            for (int j = 0; j < w.length; j++) {
                trend += w[j] * y[i - half + j];
            }
            sum[i % m] += season == Form.A ? y[i] - trend : y[i] / trend;
            count[i % m]++;
        }
        double[] figure = new double[m];
        double mean = 0;
        for (int p = 0; p < m; p++) {
            figure[p] = sum[p] / count[p];
            mean += figure[p] / m;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = season == Form.A ? figure[i % m] - mean : figure[i % m] / mean;
        }
        return out;
    }

    /** ets' start for under three seasons: y less (or over) the trend of {@code tslm(y ~ trend + fourier(y, 1))}. */
    static double[] fourierSeasonal(double[] y, int m, Form season) {
        int n = y.length;
        boolean sine = m != 2; // sin(pi t) is zero: fourier() drops it
        double[][] x = new double[n][sine ? 3 : 2];
        for (int i = 0; i < n; i++) {
            int t = i + 1;
            x[i][0] = t;
            int c = 1;
            if (sine) {
                x[i][c++] = Math.sin(2 * Math.PI * t / m);
            }
            x[i][c] = Math.cos(2 * Math.PI * t / m);
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double[] beta = ols.estimateRegressionParameters();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double trend = beta[0] + beta[1] * (i + 1);
            out[i] = season == Form.A ? y[i] - trend : y[i] / trend;
        }
        return out;
    }
}
