## About this locale. The program reads these; see README "Languages and message files".
locale-name = English
locale-html-lang = en
locale-content = en
locale-order = 3
