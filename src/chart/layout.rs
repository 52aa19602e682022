//! The drawing frame: outer size, margins, and the plot rectangle inside.
//!
//! Layout is derived from the container width the caller measured once (never
//! from the DOM); margins shrink below [`NARROW`] pixels so a 320 px phone
//! keeps most of its width for data.

/// Widths below this get the compact margins.
pub const NARROW: f64 = 480.0;

/// Font size (px) the renderer uses for tick labels; margins are sized for it.
pub const TICK_FONT_PX: f64 = 11.0;

/// Font size (px) the renderer uses for mark labels.
pub const LABEL_FONT_PX: f64 = 12.0;

/// An axis-aligned rectangle in pixels; `y` grows downwards.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    pub fn contains_point(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.right() && y >= self.y && y <= self.bottom()
    }

    /// `other` lies entirely inside (edges may touch; 1e-6 px of slack for rounding).
    pub fn contains_rect(&self, other: &Rect) -> bool {
        const EPS: f64 = 1e-6;
        other.x >= self.x - EPS
            && other.y >= self.y - EPS
            && other.right() <= self.right() + EPS
            && other.bottom() <= self.bottom() + EPS
    }

    /// The square around a circle of radius `r` at (`cx`, `cy`).
    pub fn around(cx: f64, cy: f64, r: f64) -> Rect {
        Rect {
            x: cx - r,
            y: cy - r,
            width: 2.0 * r,
            height: 2.0 * r,
        }
    }

    /// The interiors intersect (rectangles that only touch do not overlap).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
}

/// Outer size and margins of a chart. The plot area is what remains.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub margin_top: f64,
    pub margin_right: f64,
    pub margin_bottom: f64,
    pub margin_left: f64,
}

impl Frame {
    /// A frame with margins for tick labels: the left margin fits a log-axis
    /// label such as "1000B" at [`TICK_FONT_PX`], the bottom one a row of year
    /// labels. Non-finite or negative sizes count as zero.
    pub fn new(width: f64, height: f64) -> Frame {
        let width = sanitize(width);
        let height = sanitize(height);
        if width < NARROW {
            Frame {
                width,
                height,
                margin_top: 10.0,
                margin_right: 10.0,
                margin_bottom: 24.0,
                margin_left: 40.0,
            }
        } else {
            Frame {
                width,
                height,
                margin_top: 16.0,
                margin_right: 20.0,
                margin_bottom: 28.0,
                margin_left: 52.0,
            }
        }
    }

    /// The same margins with a different height (views whose height grows
    /// with their content compute the plot height first).
    pub fn with_plot_height(self, plot_height: f64) -> Frame {
        Frame {
            height: self.margin_top + sanitize(plot_height) + self.margin_bottom,
            ..self
        }
    }

    /// The plot rectangle; never negative even when the margins do not fit.
    pub fn plot(&self) -> Rect {
        Rect {
            x: self.margin_left,
            y: self.margin_top,
            width: (self.width - self.margin_left - self.margin_right).max(0.0),
            height: (self.height - self.margin_top - self.margin_bottom).max(0.0),
        }
    }

    pub fn outer(&self) -> Rect {
        Rect {
            x: 0.0,
            y: 0.0,
            width: self.width,
            height: self.height,
        }
    }
}

/// `v` limited to `lo..=hi` (`lo` wins if they cross; NaN gives `hi`). Unlike `f64::clamp`
/// it has no panic path, whose message would pull float `Debug` formatting into the bundle.
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    v.min(hi).max(lo)
}

fn sanitize(v: f64) -> f64 {
    if v.is_finite() {
        v.max(0.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plot_rect_is_inside_the_frame() {
        let f = Frame::new(800.0, 400.0);
        assert_eq!(
            f.plot(),
            Rect {
                x: 52.0,
                y: 16.0,
                width: 728.0,
                height: 356.0
            }
        );
        assert!(f.outer().contains_rect(&f.plot()));
    }

    #[test]
    fn narrow_frames_get_compact_margins() {
        let f = Frame::new(320.0, 300.0);
        assert_eq!(
            f.plot(),
            Rect {
                x: 40.0,
                y: 10.0,
                width: 270.0,
                height: 266.0
            }
        );
        assert!(f.plot().width / f.width > 0.8);
    }

    #[test]
    fn degenerate_sizes_do_not_go_negative() {
        let f = Frame::new(20.0, f64::NAN);
        assert_eq!(f.height, 0.0);
        assert_eq!(f.plot().width, 0.0);
        assert_eq!(f.plot().height, 0.0);
        assert_eq!(Frame::new(320.0, 0.0).with_plot_height(100.0).height, 134.0);
    }

    #[test]
    fn rect_overlap_excludes_touching() {
        let a = Rect {
            x: 0.0,
            y: 0.0,
            width: 10.0,
            height: 10.0,
        };
        let b = Rect {
            x: 10.0,
            y: 0.0,
            width: 10.0,
            height: 10.0,
        };
        let c = Rect {
            x: 9.0,
            y: 9.0,
            width: 10.0,
            height: 10.0,
        };
        assert!(!a.overlaps(&b));
        assert!(a.overlaps(&c) && c.overlaps(&a));
        assert!(a.contains_point(10.0, 10.0) && !a.contains_point(10.1, 5.0));
    }
}
