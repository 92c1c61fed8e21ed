//! Text colours readable on their background: WCAG contrast, and the nearest colour
//! towards black or white that reaches a ratio (syntect's themes fall short of 4.5:1).

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb` (case ignored).
    pub fn parse(hex: &str) -> Option<Rgb> {
        let hex = hex.strip_prefix('#')?;
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG relative luminance.
    fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// The WCAG contrast ratio of two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// This colour mixed with `toward` by `t` (0 = self, 1 = toward).
    fn mix(self, toward: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, toward.0), m(self.1, toward.1), m(self.2, toward.2))
    }
}

/// `fg`, or the least change of it towards black (on a light background) or white (on a
/// dark one) that reads at `ratio` on `bg`.
pub fn readable(fg: Rgb, bg: Rgb, ratio: f64) -> Rgb {
    if fg.contrast(bg) >= ratio {
        return fg;
    }
    let toward = if bg.luminance() > 0.18 {
        Rgb(0, 0, 0)
    } else {
        Rgb(255, 255, 255)
    };
    (1..=20)
        .map(|step| fg.mix(toward, f64::from(step) / 20.0))
        .find(|c| c.contrast(bg) >= ratio)
        .unwrap_or(toward)
}

/// `css` with every `color: #rrggbb` declaration (not `background-color`) made readable
/// on `bg` at `ratio`.
pub fn readable_css(css: &str, bg: Rgb, ratio: f64) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("color: #") {
        let is_background = rest[..at].ends_with("background-");
        let value_at = at + "color: ".len();
        out.push_str(&rest[..value_at]);
        rest = &rest[value_at..];
        match rest.get(..7).and_then(Rgb::parse) {
            Some(fg) if !is_background => {
                out.push_str(&readable(fg, bg, ratio).hex());
                rest = &rest[7..];
            }
            _ => {}
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag() {
        let white = Rgb(255, 255, 255);
        assert!((Rgb(0, 0, 0).contrast(white) - 21.0).abs() < 1e-9);
        // The Operator's grey of the dark theme before it was lightened: 3.72:1.
        let grey = Rgb::parse("#6b7280").unwrap();
        assert!((grey.contrast(Rgb::parse("#14171a").unwrap()) - 3.72).abs() < 0.01);
    }

    #[test]
    fn a_faint_colour_is_darkened_on_light_and_lightened_on_dark() {
        let green = Rgb::parse("#63a35c").unwrap();
        let light = Rgb::parse("#f3f4f1").unwrap();
        let fixed = readable(green, light, 4.5);
        assert!(fixed.contrast(light) >= 4.5 && fixed != green);
        assert!(fixed.0 <= green.0 && fixed.1 <= green.1, "darker");
        let dark = Rgb::parse("#1d2125").unwrap();
        let navy = Rgb::parse("#4f5b66").unwrap();
        assert!(readable(navy, dark, 4.5).contrast(dark) >= 4.5);
        let fine = Rgb::parse("#1d232b").unwrap();
        assert_eq!(readable(fine, light, 4.5), fine, "a readable colour is kept");
    }

    #[test]
    fn only_text_colours_of_a_stylesheet_change() {
        let css = ".a {\n color: #63a35c;\n background-color: #ffffff;\n}\n";
        let out = readable_css(css, Rgb::parse("#f3f4f1").unwrap(), 4.5);
        assert!(out.contains("background-color: #ffffff;"));
        assert!(!out.contains("color: #63a35c"), "{out}");
    }
}
