//! Check-in QR codes as PNG images for emails (mail clients show PNG; many drop SVG). One bit
//! per pixel keeps them small and quick to encode: the worker draws several per message.
use qrcode::{Color, EcLevel, QrCode};

/// Pixels per module, and the quiet zone in modules the standard asks for.
const SCALE: usize = 6;
const QUIET: usize = 4;

pub fn png(text: &str) -> anyhow::Result<Vec<u8>> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)?;
    let width = code.width();
    let colors = code.to_colors();
    let side = (width + 2 * QUIET) * SCALE;
    let row_bytes = side.div_ceil(8);
    // 1-bit greyscale: a set bit is white.
    let mut pixels = vec![0xFFu8; row_bytes * side];
    for (i, color) in colors.iter().enumerate() {
        if *color == Color::Dark {
            let (mx, my) = (i % width + QUIET, i / width + QUIET);
            for y in my * SCALE..(my + 1) * SCALE {
                for x in mx * SCALE..(mx + 1) * SCALE {
                    pixels[y * row_bytes + x / 8] &= !(0x80 >> (x % 8));
                }
            }
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, side as u32, side as u32);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::One);
        encoder.set_compression(png::Compression::Fast);
        encoder.write_header()?.write_image_data(&pixels)?;
    }
    Ok(out)
}
