//! Scales map a domain (data units) to a range (pixels) and back.
//!
//! The time axis is a [`Linear`] scale over fractional years
//! (`model::Date::as_year_fraction`); parameter counts use [`Log`] (base 10).
//! Ranges may be reversed (y grows downwards in SVG: pass `(bottom, top)`).
//! Degenerate domains are widened by the constructors, and `apply`/`invert`
//! never divide by zero even on a hand-built scale.

/// `y = r0 + (v - d0) / (d1 - d0) * (r1 - r0)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    /// A linear scale; a domain with `lo == hi` is widened to `lo ± 0.5`
    /// (half a year on the time axis), a non-finite one becomes `(0, 1)`.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        let (lo, hi) = domain;
        let domain = if !lo.is_finite() || !hi.is_finite() {
            (0.0, 1.0)
        } else if lo == hi {
            (lo - 0.5, hi + 0.5)
        } else {
            domain
        };
        Linear { domain, range }
    }

    pub fn apply(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + scaled(v - d0, r1 - r0, d1 - d0)
    }

    pub fn invert(&self, px: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        d0 + scaled(px - r0, d1 - d0, r1 - r0)
    }
}

/// Base-10 logarithmic scale for positive values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Log {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Log {
    /// A log scale; a domain with `lo == hi` is widened to `lo ÷ 10 .. hi × 10`.
    /// Non-positive or non-finite bounds are replaced: a bad upper bound gives
    /// `(1, 10)`, a bad lower bound becomes `hi ÷ 1000`.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        let (mut lo, mut hi) = domain;
        if !hi.is_finite() || hi <= 0.0 {
            (lo, hi) = (1.0, 10.0);
        }
        if !lo.is_finite() || lo <= 0.0 {
            lo = hi / 1000.0;
        }
        if lo == hi {
            (lo, hi) = (lo / 10.0, hi * 10.0);
        }
        Log {
            domain: (lo, hi),
            range,
        }
    }

    /// Pixel position of `v`. Values that cannot sit on a log axis
    /// (zero, negative, NaN) go to the start of the range (the domain floor).
    pub fn apply(&self, v: f64) -> f64 {
        let (r0, r1) = self.range;
        if v.is_nan() || v <= 0.0 {
            return r0;
        }
        let (l0, l1) = (self.domain.0.log10(), self.domain.1.log10());
        r0 + scaled(v.log10() - l0, r1 - r0, l1 - l0)
    }

    pub fn invert(&self, px: f64) -> f64 {
        let (r0, r1) = self.range;
        let (l0, l1) = (self.domain.0.log10(), self.domain.1.log10());
        10f64.powf(l0 + scaled(px - r0, l1 - l0, r1 - r0))
    }
}

/// `offset * span / den` (multiplying first keeps round numbers exact), or
/// half the span (the middle) when the denominator is zero or not finite.
fn scaled(offset: f64, span: f64, den: f64) -> f64 {
    let v = offset * span / den;
    if den == 0.0 || !v.is_finite() {
        span * 0.5
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn linear_apply_and_invert_round_trip() {
        let s = Linear::new((2020.0, 2026.0), (40.0, 640.0));
        assert_eq!(s.apply(2020.0), 40.0);
        assert_eq!(s.apply(2023.0), 340.0);
        assert_eq!(s.apply(2026.0), 640.0);
        assert_eq!(s.invert(340.0), 2023.0);
        for v in [2019.0, 2021.25, 2024.6, 2030.0] {
            assert!(close(s.invert(s.apply(v)), v), "{v}");
        }
    }

    #[test]
    fn linear_reversed_range() {
        let s = Linear::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(s.apply(0.0), 100.0);
        assert_eq!(s.apply(10.0), 0.0);
        assert_eq!(s.apply(2.5), 75.0);
        assert_eq!(s.invert(75.0), 2.5);
    }

    #[test]
    fn linear_degenerate_domain_is_widened() {
        let s = Linear::new((2023.5, 2023.5), (0.0, 100.0));
        assert_eq!(s.domain, (2023.0, 2024.0));
        assert_eq!(s.apply(2023.5), 50.0);
        // A hand-built degenerate scale does not divide by zero.
        let raw = Linear {
            domain: (3.0, 3.0),
            range: (0.0, 100.0),
        };
        assert_eq!(raw.apply(3.0), 50.0);
        let flat = Linear {
            domain: (0.0, 1.0),
            range: (7.0, 7.0),
        };
        assert_eq!(flat.invert(7.0), 0.5);
        assert_eq!(Linear::new((f64::NAN, 1.0), (0.0, 1.0)).domain, (0.0, 1.0));
    }

    #[test]
    fn log_apply_and_invert_round_trip() {
        let s = Log::new((1.0, 1000.0), (300.0, 0.0));
        assert_eq!(s.apply(1.0), 300.0);
        assert_eq!(s.apply(10.0), 200.0);
        assert_eq!(s.apply(100.0), 100.0);
        assert_eq!(s.apply(1000.0), 0.0);
        for v in [1.0, 7.8, 175.0, 671.0, 1000.0] {
            assert!(close(s.invert(s.apply(v)), v), "{v}");
        }
    }

    #[test]
    fn log_axis_is_not_flipped() {
        // SVG y grows downwards: a bigger model must be higher up (smaller y).
        let s = Log::new((1.0, 1000.0), (300.0, 0.0));
        assert!(s.apply(175.0) < s.apply(7.8));
        assert!(s.apply(7.8) < s.apply(1.3));
        // and on a horizontal axis, further right.
        let h = Log::new((1.0, 1000.0), (0.0, 300.0));
        assert!(h.apply(175.0) > h.apply(7.8));
    }

    #[test]
    fn log_degenerate_and_bad_domains() {
        let s = Log::new((10.0, 10.0), (0.0, 100.0));
        assert_eq!(s.domain, (1.0, 100.0));
        assert_eq!(s.apply(10.0), 50.0);
        assert_eq!(Log::new((0.0, 1000.0), (0.0, 1.0)).domain, (1.0, 1000.0));
        assert_eq!(Log::new((-5.0, -1.0), (0.0, 1.0)).domain, (1.0, 10.0));
        assert_eq!(s.apply(0.0), 0.0, "non-positive values go to the floor");
        assert_eq!(s.apply(f64::NAN), 0.0);
        let raw = Log {
            domain: (5.0, 5.0),
            range: (0.0, 10.0),
        };
        assert_eq!(raw.apply(5.0), 5.0);
    }
}
