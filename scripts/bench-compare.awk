# bench-compare.awk: reads `go test -bench 'Convert|ProseBaseline' -count N`
# output and prints the median articles/s of each and their ratio.
function median(list, n,    i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && list[j-1] > list[j]; j--) { t = list[j]; list[j] = list[j-1]; list[j-1] = t }
	return list[int((n + 1) / 2)]
}
{
	for (i = 1; i < NF; i++) if ($(i+1) == "articles/s") {
		if ($1 ~ /^BenchmarkConvert/) conv[++nc] = $i + 0
		if ($1 ~ /^BenchmarkProseBaseline/) base[++nb] = $i + 0
	}
}
END {
	if (nc == 0 || nb == 0) { print "bench-compare: no figures"; exit 1 }
	c = median(conv, nc); b = median(base, nb)
	printf "readout end to end: %.0f articles/s; prose tokenize+segment+tag: %.0f articles/s; readout is %.0f%% of prose\n", c, b, 100 * c / b
}
