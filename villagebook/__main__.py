from villagebook.cli import main

raise SystemExit(main())
