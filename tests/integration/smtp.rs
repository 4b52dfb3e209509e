//! A real SMTP server for tests, on 127.0.0.1:0: it speaks the protocol over TCP (EHLO, MAIL,
//! RCPT, DATA with dot-unstuffing, RSET, QUIT) and keeps every message it accepts. A script of
//! reply codes makes it refuse messages (421 closes the connection, as RFC 5321 says; 451 and
//! 550 refuse the one message) before it accepts again.
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

pub struct SmtpReceiver {
    pub port: u16,
    received: Arc<Mutex<Vec<Vec<u8>>>>,
    script: Arc<Mutex<VecDeque<u16>>>,
}

impl SmtpReceiver {
    pub fn start() -> SmtpReceiver {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new(VecDeque::new()));
        let (r, s) = (received.clone(), script.clone());
        // Its own runtime on its own thread: it outlives whichever test runtime calls it.
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                loop {
                    let Ok((socket, _)) = listener.accept().await else {
                        continue;
                    };
                    tokio::spawn(session(socket, r.clone(), s.clone()));
                }
            });
        });
        SmtpReceiver {
            port,
            received,
            script,
        }
    }

    /// The next messages are answered with these codes, in order; then it accepts.
    pub fn refuse_with(&self, codes: &[u16]) {
        self.script.lock().unwrap().extend(codes.iter().copied());
    }

    pub fn messages(&self) -> Vec<Vec<u8>> {
        self.received.lock().unwrap().clone()
    }
}

async fn session(
    socket: tokio::net::TcpStream,
    received: Arc<Mutex<Vec<Vec<u8>>>>,
    script: Arc<Mutex<VecDeque<u16>>>,
) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 test.example.jp ESMTP\r\n").await?;
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.trim_end().to_ascii_uppercase();
        let reply: &[u8] = if command.starts_with("EHLO") {
            b"250-test.example.jp\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
        } else if command.starts_with("HELO")
            || command.starts_with("MAIL")
            || command.starts_with("RCPT")
            || command.starts_with("RSET")
            || command.starts_with("NOOP")
        {
            b"250 OK\r\n"
        } else if command.starts_with("QUIT") {
            write.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else if command.starts_with("DATA") {
            write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
            let mut message = Vec::new();
            loop {
                let mut raw = Vec::new();
                if lines.read_until(b'\n', &mut raw).await? == 0 {
                    return Ok(());
                }
                if raw == b".\r\n" {
                    break;
                }
                // Dot-stuffing: a line starting with a dot was sent with one more.
                let raw = if raw.starts_with(b"..") {
                    &raw[1..]
                } else {
                    &raw[..]
                };
                message.extend_from_slice(raw);
            }
            let code = script.lock().unwrap().pop_front();
            match code {
                Some(421) => {
                    write
                        .write_all(b"421 4.3.2 shutting down, try later\r\n")
                        .await?;
                    return Ok(());
                }
                Some(451) => b"451 4.3.0 temporary failure, try later\r\n",
                Some(550) => b"550 5.1.1 mailbox unavailable\r\n",
                _ => {
                    received.lock().unwrap().push(message);
                    b"250 2.0.0 queued\r\n"
                }
            }
        } else {
            b"502 5.5.1 not implemented\r\n"
        };
        write.write_all(reply).await?;
    }
}
