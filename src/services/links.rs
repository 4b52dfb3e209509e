//! Manage links (`/r/{token}`): 128 random bits each. The database keeps the token's SHA-256
//! for lookup and a copy sealed with the link key (XChaCha20-Poly1305), so that every later
//! email can carry the same link without the token being readable from a stolen database.
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::Rng;
use sha2::{Digest, Sha256};

pub struct ManageLinks {
    cipher: XChaCha20Poly1305,
}

/// A fresh token and what the database keeps of it.
pub struct NewToken {
    pub token: String,
    pub hash: String,
    pub sealed: String,
}

impl ManageLinks {
    /// `key` is the configured secret (32+ characters); the cipher key is its SHA-256.
    pub fn new(key: &str) -> Self {
        let key = Sha256::digest(format!("uketsuke manage links\0{key}").as_bytes());
        ManageLinks {
            cipher: XChaCha20Poly1305::new(&key),
        }
    }

    pub fn issue(&self) -> NewToken {
        let mut raw = [0u8; 16];
        rand::rng().fill(&mut raw);
        let token = hex::encode(raw);
        let mut nonce = [0u8; 24];
        rand::rng().fill(&mut nonce);
        let sealed = self
            .cipher
            .encrypt(XNonce::from_slice(&nonce), token.as_bytes())
            .expect("encrypting 32 bytes cannot fail");
        NewToken {
            hash: Self::hash(&token),
            sealed: format!("{}{}", hex::encode(nonce), hex::encode(sealed)),
            token,
        }
    }

    pub fn hash(token: &str) -> String {
        hex::encode(Sha256::digest(token.as_bytes()))
    }

    /// A token looks like one we issue (32 hex characters); anything else is not looked up.
    pub fn is_well_formed(token: &str) -> bool {
        token.len() == 32
            && token
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    }

    pub fn unseal(&self, sealed: &str) -> anyhow::Result<String> {
        let bytes = hex::decode(sealed)?;
        anyhow::ensure!(bytes.len() > 24, "sealed token too short");
        let (nonce, ciphertext) = bytes.split_at(24);
        let plain = self
            .cipher
            .decrypt(XNonce::from_slice(nonce), ciphertext)
            .map_err(|_| anyhow::anyhow!("sealed token does not open with this link key"))?;
        Ok(String::from_utf8(plain)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_differ() {
        let links = ManageLinks::new("a-link-key-of-at-least-32-characters!!");
        let a = links.issue();
        let b = links.issue();
        assert_ne!(a.token, b.token);
        assert!(ManageLinks::is_well_formed(&a.token));
        assert_eq!(links.unseal(&a.sealed).unwrap(), a.token);
        assert_eq!(ManageLinks::hash(&a.token), a.hash);
        let other = ManageLinks::new("another-key-of-at-least-32-characters!!");
        assert!(other.unseal(&a.sealed).is_err());
    }
}
