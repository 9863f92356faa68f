# Exchange rates assumed for the illustrative case kz-activist.json (valuation date 2026-03-01).
# Format: FROM/TO=RATE[,YYYY-MM-DD] (1 FROM = RATE TO), one per line; load with --fx-file.
#
# These are ILLUSTRATIVE round figures for the example, not official rates: the built-in FX
# series (data/fx-*.csv) end in February-March 2026, before the valuation date. For a real case use the National Bank of Kazakhstan's
# official rate on the valuation date (nationalbank.kz) and the ECB reference rates.
# USD/KZT is close to the National Bank's official rate reported for early February 2026
# (520.27, zakonkz.com); the others are rounded assumptions of the same period.
USD/KZT=520
EUR/USD=1.17
GBP/USD=1.35
USD/JPY=155
USD/CAD=1.38
NZD/USD=0.59
USD/UZS=12000
