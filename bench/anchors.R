# R forecast anchors for a long-format monthly/quarterly/yearly CSV: for each series fit ets, auto.arima, thetaf,
# snaive and naive on all but the last h values, forecast h, and write series,method,smape,mase,seconds (the M1
# suite's anchors.csv layout: sMAPE of the M3 paper, MASE scaled by the in-sample seasonal-naive MAE, lag 1 when
# the series is not longer than m). Usage: Rscript bench/anchors.R IN.csv H M OUT.csv [METHODS, comma-separated]
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
h <- as.integer(args[2]); m <- as.integer(args[3]); out <- args[4]
methods <- if (length(args) >= 5) strsplit(args[5], ",")[[1]] else c("ets", "arima", "theta", "snaive", "naive")
names(d)[1] <- "series"; vcol <- names(d)[3]
rows <- list()
for (s in unique(d$series)) {
  y <- d[d$series == s, vcol]
  n <- length(y) - h
  x <- ts(y[1:n], frequency = m); a <- y[(n + 1):(n + h)]
  lag <- if (n > m) m else 1
  scale <- mean(abs(diff(y[1:n], lag = lag)))
  fits <- list(ets = function() forecast(ets(x), h = h)$mean, arima = function() forecast(auto.arima(x), h = h)$mean,
               theta = function() thetaf(x, h = h)$mean, snaive = function() snaive(x, h = h)$mean,
               naive = function() naive(x, h = h)$mean)
  for (meth in methods) {
    t0 <- proc.time()[["elapsed"]]
    f <- as.numeric(fits[[meth]]())
    sec <- proc.time()[["elapsed"]] - t0
    rows[[length(rows) + 1]] <- data.frame(series = s, method = meth, smape = mean(200 * abs(a - f) / (abs(a) + abs(f))),
                                           mase = mean(abs(a - f)) / scale, seconds = round(sec, 3))
  }
}
write.csv(do.call(rbind, rows), out, row.names = FALSE, quote = FALSE)
