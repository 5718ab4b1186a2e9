# Forecasts of R forecast 8.20 thetaf and ets for every series of a long-format CSV (all rows are history), for
# combination experiments (bench/m1-combine.py). Usage: Rscript bench/classical-forecasts.R IN.csv H M OUT.csv
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE); h <- as.integer(args[2]); m <- as.integer(args[3])
names(d)[1] <- "series"; vcol <- names(d)[3]
out <- list()
for (s in unique(d$series)) { y <- d[d$series == s, vcol]; x <- ts(y, frequency = m)
  f <- as.numeric(thetaf(x, h = h)$mean); e <- as.numeric(forecast(ets(x), h = h)$mean)
  out[[length(out)+1]] <- data.frame(series = s, step = 1:h, theta = f, ets = e) }
write.csv(do.call(rbind, out), args[4], row.names = FALSE, quote = FALSE)
