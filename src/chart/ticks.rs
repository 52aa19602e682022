//! Tick positions in data units: nice 1-2-5 steps, powers of ten, calendar ticks.
//!
//! All functions return ascending values, accept bounds in either order, and
//! return an empty list for non-finite input. Labels are left to the caller
//! (`format` knows the language); time ticks give year and month numbers.

use super::layout::clamp;

/// A tick on the time axis. `at` is in fractional years (start of the month);
/// `month` is 1..=12, or 0 for a year tick (January 1st).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeTick {
    pub at: f64,
    pub year: u16,
    pub month: u8,
}

/// Minimum horizontal room per time tick, in pixels.
pub const PX_PER_TIME_TICK: f64 = 60.0;

/// "Nice" ticks covering `[lo, hi]`, about `approx_count` intervals, with
/// steps of 1, 2 or 5 × 10ⁿ (d3's `ticks`). `linear_ticks(0, 100, 5)` is
/// `[0, 20, 40, 60, 80, 100]`. Sub-unit steps are computed as `i / k` so
/// `0.2`, `0.6` come out as the literals, not `0.6000000000000001`.
pub fn linear_ticks(lo: f64, hi: f64, approx_count: usize) -> Vec<f64> {
    if !lo.is_finite() || !hi.is_finite() {
        return Vec::new();
    }
    if lo == hi {
        return vec![lo];
    }
    let (lo, hi) = if lo < hi { (lo, hi) } else { (hi, lo) };
    let count = approx_count.clamp(1, 1000) as f64;
    let inc = tick_increment(lo, hi, count);
    if inc == 0.0 || !inc.is_finite() {
        return Vec::new();
    }
    // A negative increment stands for 1 / |inc| (exact for decimal steps).
    let (i0, i1) = if inc > 0.0 {
        ((lo / inc).ceil(), (hi / inc).floor())
    } else {
        ((lo * -inc).ceil(), (hi * -inc).floor())
    };
    if i1 < i0 || i1 - i0 > 10_000.0 {
        return Vec::new();
    }
    let n = (i1 - i0) as usize;
    (0..=n)
        .map(|k| {
            let i = i0 + k as f64;
            if inc > 0.0 {
                i * inc
            } else {
                i / -inc
            }
        })
        .collect()
}

fn tick_increment(lo: f64, hi: f64, count: f64) -> f64 {
    let step = (hi - lo) / count;
    // An integer power: `pow10` instead of `powf`, whose libm code (≈ 1.4 KB gzip of wasm) nothing
    // else needs.
    let power = clamp(step.log10().floor(), -330.0, 330.0) as i32;
    let error = step / pow10(power);
    let factor = if error >= 50f64.sqrt() {
        10.0
    } else if error >= 10f64.sqrt() {
        5.0
    } else if error >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    if power >= 0 {
        factor * pow10(power)
    } else {
        -pow10(-power) / factor
    }
}

/// 10ⁿ, exact for |n| ≤ 22 (`powi` is not guaranteed to be).
pub fn pow10(n: i32) -> f64 {
    let n = n.clamp(-340, 340);
    let p = (0..n.unsigned_abs()).fold(1.0, |acc, _| acc * 10.0);
    if n >= 0 {
        p
    } else {
        1.0 / p
    }
}

/// Floor and ceiling of `log10(v)`, tolerant of rounding at exact powers of ten.
pub fn decade_floor(v: f64) -> i32 {
    clamp((v.log10() + 1e-9).floor(), -330.0, 330.0) as i32
}

pub fn decade_ceil(v: f64) -> i32 {
    clamp((v.log10() - 1e-9).ceil(), -330.0, 330.0) as i32
}

/// Log-axis ticks: the powers of ten in `[lo, hi]` (`log_ticks(1, 1000)` is
/// `[1, 10, 100, 1000]`). When fewer than two powers fall inside, the
/// 1-2-5 multiples are used instead, and failing that linear ticks, so a
/// narrow domain still gets labels. Non-positive bounds are ignored.
pub fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    if !lo.is_finite() || !hi.is_finite() {
        return Vec::new();
    }
    let (lo, hi) = if lo < hi { (lo, hi) } else { (hi, lo) };
    if hi <= 0.0 {
        return Vec::new();
    }
    let lo = if lo > 0.0 { lo } else { hi / 1000.0 };
    let (k0, k1) = (decade_ceil(lo), decade_floor(hi));
    let powers: Vec<f64> = (k0..=k1).map(pow10).collect();
    if powers.len() >= 2 {
        return powers;
    }
    let (lo_in, hi_in) = (lo * (1.0 - 1e-9), hi * (1.0 + 1e-9));
    let mantissas: Vec<f64> = (k1 - 1..=k0 + 1)
        .flat_map(|k| [1.0, 2.0, 5.0].map(|m| m * pow10(k)))
        .filter(|v| *v >= lo_in && *v <= hi_in)
        .collect();
    if mantissas.len() >= 2 {
        return mantissas;
    }
    linear_ticks(lo, hi, 3)
}

/// Calendar ticks for a time axis `width_px` wide: at most one per
/// [`PX_PER_TIME_TICK`] pixels. Spans of three or more calendar years get
/// year ticks (every 1, 2, 5, 10… years as room allows); shorter spans get
/// month, quarter or half-year ticks, where January ticks are year ticks.
pub fn time_ticks(lo_year: f64, hi_year: f64, width_px: f64) -> Vec<TimeTick> {
    if !lo_year.is_finite() || !hi_year.is_finite() {
        return Vec::new();
    }
    let (lo, hi) = if lo_year < hi_year {
        (lo_year, hi_year)
    } else {
        (hi_year, lo_year)
    };
    let (lo, hi) = (clamp(lo, 0.0, 65_535.0), clamp(hi, 0.0, 65_535.0));
    let max_ticks = if width_px.is_finite() && width_px > 0.0 {
        ((width_px / PX_PER_TIME_TICK).floor() as usize).max(1)
    } else {
        1
    };
    // Month indices (year * 12 + month - 1) of the first and last possible tick.
    let m0 = (lo * 12.0 - 1e-9).ceil() as i64;
    let m1 = (hi * 12.0 + 1e-9).floor() as i64;
    if m1 < m0 {
        return Vec::new();
    }
    let years = (hi + 1e-9).floor() - (lo - 1e-9).ceil() + 1.0;
    let steps: &[i64] = if years >= 3.0 {
        &[
            12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12_000, 24_000, 60_000, 120_000, 240_000,
            600_000, 1_200_000,
        ]
    } else {
        &[1, 3, 6, 12, 24]
    };
    let count = |step: i64| -> i64 {
        let first = m0.div_euclid(step) + i64::from(m0.rem_euclid(step) != 0);
        let last = m1.div_euclid(step);
        (last - first + 1).max(0)
    };
    let step = steps
        .iter()
        .copied()
        .find(|&s| count(s) as usize <= max_ticks)
        .unwrap_or(1_200_000);
    let first = m0.div_euclid(step) + i64::from(m0.rem_euclid(step) != 0);
    let last = m1.div_euclid(step);
    (first..=last)
        .map(|k| {
            let index = k * step;
            let year = index.div_euclid(12);
            let month = index.rem_euclid(12) + 1;
            TimeTick {
                at: index as f64 / 12.0,
                year: u16::try_from(year).unwrap_or(u16::MAX),
                month: if month == 1 { 0 } else { month as u8 },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_ticks_include_both_ends() {
        assert_eq!(
            linear_ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(
            linear_ticks(100.0, 0.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(
            linear_ticks(0.0, 10.0, 10),
            (0..=10).map(f64::from).collect::<Vec<_>>()
        );
        assert_eq!(
            linear_ticks(0.0, 1.0, 5),
            vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
        );
        assert_eq!(linear_ticks(-1.0, 1.0, 4), vec![-1.0, -0.5, 0.0, 0.5, 1.0]);
        assert_eq!(linear_ticks(3.0, 97.0, 5), vec![20.0, 40.0, 60.0, 80.0]);
        assert_eq!(linear_ticks(0.0, 750.0, 4), vec![0.0, 200.0, 400.0, 600.0]);
    }

    #[test]
    fn linear_ticks_degenerate_inputs() {
        assert_eq!(linear_ticks(5.0, 5.0, 5), vec![5.0]);
        assert_eq!(linear_ticks(f64::NAN, 5.0, 5), Vec::<f64>::new());
        assert_eq!(linear_ticks(0.0, 1.0, 0), vec![0.0, 1.0]);
    }

    #[test]
    fn log_ticks_are_powers_of_ten() {
        assert_eq!(log_ticks(1.0, 1000.0), vec![1.0, 10.0, 100.0, 1000.0]);
        assert_eq!(log_ticks(1000.0, 1.0), vec![1.0, 10.0, 100.0, 1000.0]);
        assert_eq!(log_ticks(0.1, 10.0), vec![0.1, 1.0, 10.0]);
        assert_eq!(log_ticks(1.3, 750.0), vec![10.0, 100.0]);
        assert_eq!(log_ticks(0.0, 100.0), vec![0.1, 1.0, 10.0, 100.0]);
    }

    #[test]
    fn log_ticks_narrow_domain_falls_back() {
        assert_eq!(log_ticks(15.0, 60.0), vec![20.0, 50.0]);
        assert_eq!(log_ticks(1.0, 5.0), vec![1.0, 2.0, 5.0]);
        assert_eq!(log_ticks(21.0, 24.0), linear_ticks(21.0, 24.0, 3));
        assert_eq!(log_ticks(-3.0, -1.0), Vec::<f64>::new());
    }

    #[test]
    fn pow10_is_exact() {
        assert_eq!(pow10(0), 1.0);
        assert_eq!(pow10(3), 1000.0);
        assert_eq!(pow10(-1), 0.1);
        assert_eq!(pow10(-3), 0.001);
        assert_eq!((decade_floor(1000.0), decade_ceil(1000.0)), (3, 3));
        assert_eq!((decade_floor(7.8), decade_ceil(7.8)), (0, 1));
    }

    fn years(ticks: &[TimeTick]) -> Vec<(u16, u8)> {
        ticks.iter().map(|t| (t.year, t.month)).collect()
    }

    #[test]
    fn time_ticks_yearly_with_both_ends() {
        let t = time_ticks(2019.0, 2026.0, 600.0);
        assert_eq!(t.len(), 8);
        assert_eq!(
            t.first(),
            Some(&TimeTick {
                at: 2019.0,
                year: 2019,
                month: 0
            })
        );
        assert_eq!(
            t.last(),
            Some(&TimeTick {
                at: 2026.0,
                year: 2026,
                month: 0
            })
        );
    }

    #[test]
    fn time_ticks_thin_out_on_narrow_widths() {
        // 320 px fits 5 ticks: every second year.
        let t = time_ticks(2019.2, 2026.1, 320.0);
        assert_eq!(years(&t), vec![(2020, 0), (2022, 0), (2024, 0), (2026, 0)]);
        for width in [60.0, 120.0, 320.0, 480.0, 1000.0] {
            for (lo, hi) in [
                (1950.0, 2100.0),
                (2018.3, 2026.9),
                (2023.0, 2023.9),
                (2024.1, 2025.8),
            ] {
                let n = time_ticks(lo, hi, width).len();
                assert!(
                    n as f64 <= (width / 60.0).floor().max(1.0),
                    "{lo}..{hi} at {width}px: {n}"
                );
            }
        }
    }

    #[test]
    fn time_ticks_short_span_uses_months_or_quarters() {
        let t = time_ticks(2023.0, 2024.0, 900.0);
        assert_eq!(t.len(), 13);
        assert_eq!(years(&t)[..3], [(2023, 0), (2023, 2), (2023, 3)]);
        assert!(t
            .get(7)
            .is_some_and(|t| (t.at - (2023.0 + 7.0 / 12.0)).abs() < 1e-9));
        let q = time_ticks(2023.0, 2024.0, 320.0);
        assert_eq!(
            years(&q),
            vec![(2023, 0), (2023, 4), (2023, 7), (2023, 10), (2024, 0)]
        );
        let h = time_ticks(2023.2, 2024.9, 200.0);
        assert_eq!(years(&h), vec![(2023, 7), (2024, 0), (2024, 7)]);
    }

    #[test]
    fn time_ticks_bad_input() {
        assert_eq!(time_ticks(f64::NAN, 2024.0, 600.0), vec![]);
        assert_eq!(time_ticks(2023.51, 2023.52, 600.0), vec![]);
        assert_eq!(years(&time_ticks(2026.0, 2019.0, 600.0)).len(), 8);
    }
}
