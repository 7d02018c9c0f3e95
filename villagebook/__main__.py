from villagebook.app import main

raise SystemExit(main())
