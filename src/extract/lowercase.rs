//! Lowercasing for comparisons, without core's Unicode lowercase table.
//!
//! Lector lowercases class names, labels and page text to compare them. `str::to_lowercase`
//! would do, but it brings core's table of every uppercase letter (1,400 pairs, 11.7 KB of
//! the wasm, 5 KB gzipped). Most letters lowercase in runs (A-Z, À-Þ, Ā ā Ă ă, Cyrillic,
//! Greek, …) with one distance each, so [`RUNS`] holds the same mapping in 185 rows. The
//! tests check it against `char::to_lowercase` for every character.

/// Runs of uppercase letters: (first, distance to its lowercase, letters in the run, step
/// between them, 1 or 2). Lowercased by Rust's Unicode tables; a test regenerates it.
#[rustfmt::skip]
const RUNS: &[(u32, i32, u8, u8)] = &[
    (0x0041, 32, 26, 1),
    (0x00C0, 32, 23, 1),
    (0x00D8, 32, 7, 1),
    (0x0100, 1, 24, 2),
    (0x0132, 1, 3, 2),
    (0x0139, 1, 8, 2),
    (0x014A, 1, 23, 2),
    (0x0178, -121, 1, 1),
    (0x0179, 1, 3, 2),
    (0x0181, 210, 1, 1),
    (0x0182, 1, 2, 2),
    (0x0186, 206, 1, 1),
    (0x0187, 1, 1, 1),
    (0x0189, 205, 2, 1),
    (0x018B, 1, 1, 1),
    (0x018E, 79, 1, 1),
    (0x018F, 202, 1, 1),
    (0x0190, 203, 1, 1),
    (0x0191, 1, 1, 1),
    (0x0193, 205, 1, 1),
    (0x0194, 207, 1, 1),
    (0x0196, 211, 1, 1),
    (0x0197, 209, 1, 1),
    (0x0198, 1, 1, 1),
    (0x019C, 211, 1, 1),
    (0x019D, 213, 1, 1),
    (0x019F, 214, 1, 1),
    (0x01A0, 1, 3, 2),
    (0x01A6, 218, 1, 1),
    (0x01A7, 1, 1, 1),
    (0x01A9, 218, 1, 1),
    (0x01AC, 1, 1, 1),
    (0x01AE, 218, 1, 1),
    (0x01AF, 1, 1, 1),
    (0x01B1, 217, 2, 1),
    (0x01B3, 1, 2, 2),
    (0x01B7, 219, 1, 1),
    (0x01B8, 1, 1, 1),
    (0x01BC, 1, 1, 1),
    (0x01C4, 2, 1, 1),
    (0x01C5, 1, 1, 1),
    (0x01C7, 2, 1, 1),
    (0x01C8, 1, 1, 1),
    (0x01CA, 2, 1, 1),
    (0x01CB, 1, 9, 2),
    (0x01DE, 1, 9, 2),
    (0x01F1, 2, 1, 1),
    (0x01F2, 1, 2, 2),
    (0x01F6, -97, 1, 1),
    (0x01F7, -56, 1, 1),
    (0x01F8, 1, 20, 2),
    (0x0220, -130, 1, 1),
    (0x0222, 1, 9, 2),
    (0x023A, 10795, 1, 1),
    (0x023B, 1, 1, 1),
    (0x023D, -163, 1, 1),
    (0x023E, 10792, 1, 1),
    (0x0241, 1, 1, 1),
    (0x0243, -195, 1, 1),
    (0x0244, 69, 1, 1),
    (0x0245, 71, 1, 1),
    (0x0246, 1, 5, 2),
    (0x0370, 1, 2, 2),
    (0x0376, 1, 1, 1),
    (0x037F, 116, 1, 1),
    (0x0386, 38, 1, 1),
    (0x0388, 37, 3, 1),
    (0x038C, 64, 1, 1),
    (0x038E, 63, 2, 1),
    (0x0391, 32, 17, 1),
    (0x03A3, 32, 9, 1),
    (0x03CF, 8, 1, 1),
    (0x03D8, 1, 12, 2),
    (0x03F4, -60, 1, 1),
    (0x03F7, 1, 1, 1),
    (0x03F9, -7, 1, 1),
    (0x03FA, 1, 1, 1),
    (0x03FD, -130, 3, 1),
    (0x0400, 80, 16, 1),
    (0x0410, 32, 32, 1),
    (0x0460, 1, 17, 2),
    (0x048A, 1, 27, 2),
    (0x04C0, 15, 1, 1),
    (0x04C1, 1, 7, 2),
    (0x04D0, 1, 48, 2),
    (0x0531, 48, 38, 1),
    (0x10A0, 7264, 38, 1),
    (0x10C7, 7264, 1, 1),
    (0x10CD, 7264, 1, 1),
    (0x13A0, 38864, 80, 1),
    (0x13F0, 8, 6, 1),
    (0x1C89, 1, 1, 1),
    (0x1C90, -3008, 43, 1),
    (0x1CBD, -3008, 3, 1),
    (0x1E00, 1, 75, 2),
    (0x1E9E, -7615, 1, 1),
    (0x1EA0, 1, 48, 2),
    (0x1F08, -8, 8, 1),
    (0x1F18, -8, 6, 1),
    (0x1F28, -8, 8, 1),
    (0x1F38, -8, 8, 1),
    (0x1F48, -8, 6, 1),
    (0x1F59, -8, 4, 2),
    (0x1F68, -8, 8, 1),
    (0x1F88, -8, 8, 1),
    (0x1F98, -8, 8, 1),
    (0x1FA8, -8, 8, 1),
    (0x1FB8, -8, 2, 1),
    (0x1FBA, -74, 2, 1),
    (0x1FBC, -9, 1, 1),
    (0x1FC8, -86, 4, 1),
    (0x1FCC, -9, 1, 1),
    (0x1FD8, -8, 2, 1),
    (0x1FDA, -100, 2, 1),
    (0x1FE8, -8, 2, 1),
    (0x1FEA, -112, 2, 1),
    (0x1FEC, -7, 1, 1),
    (0x1FF8, -128, 2, 1),
    (0x1FFA, -126, 2, 1),
    (0x1FFC, -9, 1, 1),
    (0x2126, -7517, 1, 1),
    (0x212A, -8383, 1, 1),
    (0x212B, -8262, 1, 1),
    (0x2132, 28, 1, 1),
    (0x2160, 16, 16, 1),
    (0x2183, 1, 1, 1),
    (0x24B6, 26, 26, 1),
    (0x2C00, 48, 48, 1),
    (0x2C60, 1, 1, 1),
    (0x2C62, -10743, 1, 1),
    (0x2C63, -3814, 1, 1),
    (0x2C64, -10727, 1, 1),
    (0x2C67, 1, 3, 2),
    (0x2C6D, -10780, 1, 1),
    (0x2C6E, -10749, 1, 1),
    (0x2C6F, -10783, 1, 1),
    (0x2C70, -10782, 1, 1),
    (0x2C72, 1, 1, 1),
    (0x2C75, 1, 1, 1),
    (0x2C7E, -10815, 2, 1),
    (0x2C80, 1, 50, 2),
    (0x2CEB, 1, 2, 2),
    (0x2CF2, 1, 1, 1),
    (0xA640, 1, 23, 2),
    (0xA680, 1, 14, 2),
    (0xA722, 1, 7, 2),
    (0xA732, 1, 31, 2),
    (0xA779, 1, 2, 2),
    (0xA77D, -35332, 1, 1),
    (0xA77E, 1, 5, 2),
    (0xA78B, 1, 1, 1),
    (0xA78D, -42280, 1, 1),
    (0xA790, 1, 2, 2),
    (0xA796, 1, 10, 2),
    (0xA7AA, -42308, 1, 1),
    (0xA7AB, -42319, 1, 1),
    (0xA7AC, -42315, 1, 1),
    (0xA7AD, -42305, 1, 1),
    (0xA7AE, -42308, 1, 1),
    (0xA7B0, -42258, 1, 1),
    (0xA7B1, -42282, 1, 1),
    (0xA7B2, -42261, 1, 1),
    (0xA7B3, 928, 1, 1),
    (0xA7B4, 1, 8, 2),
    (0xA7C4, -48, 1, 1),
    (0xA7C5, -42307, 1, 1),
    (0xA7C6, -35384, 1, 1),
    (0xA7C7, 1, 2, 2),
    (0xA7CB, -42343, 1, 1),
    (0xA7CC, 1, 8, 2),
    (0xA7DC, -42561, 1, 1),
    (0xA7F5, 1, 1, 1),
    (0xFF21, 32, 26, 1),
    (0x10400, 40, 40, 1),
    (0x104B0, 40, 36, 1),
    (0x10570, 39, 11, 1),
    (0x1057C, 39, 15, 1),
    (0x1058C, 39, 7, 1),
    (0x10594, 39, 2, 1),
    (0x10C80, 64, 51, 1),
    (0x10D50, 32, 22, 1),
    (0x118A0, 32, 32, 1),
    (0x16E40, 32, 32, 1),
    (0x16EA0, 27, 25, 1),
    (0x1E900, 34, 34, 1),
];

/// `s` lowercased for comparison: as `str::to_lowercase`, except that every sigma (`Σ`, `σ`,
/// `ς`) becomes `σ`, so that a word matches whatever its sigma's form and place.
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        // A run of ASCII (most of nearly any text) is copied, then lowered in place.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if ascii > 0 {
            let start = out.len();
            out.push_str(&rest[..ascii]);
            out[start..].make_ascii_lowercase();
            rest = &rest[ascii..];
            continue;
        }
        match c {
            // The one letter that lowercases to two characters.
            '\u{130}' => out.push_str("i\u{307}"),
            'ς' => out.push('σ'),
            c => out.push(lowercase_letter(c)),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// [`lowercase`] taking ownership: ASCII text (as class names nearly always are) is lowered
/// in place, without a new allocation.
pub fn into_lowercase(mut s: String) -> String {
    if s.is_ascii() {
        s.make_ascii_lowercase();
        s
    } else {
        lowercase(&s)
    }
}

/// One character lowercased as [`lowercase`] does, for callers that hash text character by
/// character (the one letter lowercasing to two characters, `İ`, gives its `i`).
pub fn lowercase_char(c: char) -> char {
    match c {
        c if c.is_ascii() => c.to_ascii_lowercase(),
        '\u{130}' => 'i',
        'ς' => 'σ',
        c => lowercase_letter(c),
    }
}

/// The lowercase of a letter outside ASCII that lowercases to one character; any other
/// character as is.
fn lowercase_letter(c: char) -> char {
    let code = c as u32;
    let Some(&(first, delta, count, step)) =
        RUNS.get(RUNS.partition_point(|r| r.0 <= code).wrapping_sub(1))
    else {
        return c;
    };
    let offset = code - first;
    // A run steps by 1 or by 2 (upper and lower alternate); no division on this path.
    let in_run = match step {
        1 => offset < u32::from(count),
        _ => offset % 2 == 0 && offset < 2 * u32::from(count),
    };
    if in_run {
        char::from_u32(code.wrapping_add_signed(delta)).unwrap_or(c)
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`RUNS`] as Rust's Unicode tables give it, in the source's format.
    fn runs_from_std() -> Vec<(u32, i32, u8, u8)> {
        let mut runs: Vec<(u32, i32, u32, u32)> = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            let (Some(l), None) = (lower.next(), lower.next()) else {
                continue;
            };
            if l == c {
                continue;
            }
            let (code, delta) = (c as u32, l as i32 - c as i32);
            if let Some((first, d, count, step)) = runs.last_mut() {
                let gap = code - (*first + (*count - 1) * *step);
                if *d == delta && ((*count == 1 && gap <= 2) || gap == *step) {
                    *step = gap;
                    *count += 1;
                    continue;
                }
            }
            runs.push((code, delta, 1, 1));
        }
        runs.into_iter()
            .map(|(f, d, n, s)| (f, d, n.try_into().unwrap(), s.try_into().unwrap()))
            .collect()
    }

    #[test]
    fn the_runs_are_rusts_unicode_lowercase() {
        let runs = runs_from_std();
        let rows: Vec<String> = runs
            .iter()
            .map(|(f, d, n, s)| format!("    (0x{f:04X}, {d}, {n}, {s}),"))
            .collect();
        assert!(
            RUNS == runs.as_slice(),
            "RUNS differs from this Rust's Unicode tables; replace it with:\n{}",
            rows.join("\n")
        );
    }

    #[test]
    fn every_character_lowercases_as_std_does_but_sigma() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if matches!(c, 'Σ' | 'ς') {
                continue;
            }
            let s = c.to_string();
            assert_eq!(lowercase(&s), s.to_lowercase(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn each_character_lowercases_to_the_first_of_stds_lowering() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let first = if c == 'ς' {
                'σ'
            } else {
                c.to_lowercase().next().unwrap()
            };
            assert_eq!(lowercase_char(c), first, "U+{:04X}", c as u32);
        }
        assert_eq!(into_lowercase("Ad-Slot ÉTÉ".to_string()), "ad-slot été");
    }

    #[test]
    fn text_lowercases_as_std_does_but_sigma() {
        for s in [
            "Publicité",
            "ÜBER uns — Straße",
            "РЕКЛАМА",
            "İstanbul",
            "Ⱥ and ȿ",
            "Հայերեն ԱԲԳ",
            "𐐀𐐁 Deseret",
        ] {
            assert_eq!(lowercase(s), s.to_lowercase(), "{s}");
        }
        assert_eq!(lowercase("ΟΔΟΣ Σοφός οδός"), "οδοσ σοφόσ οδόσ");
    }
}
