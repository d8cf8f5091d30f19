revision  'c2a7e9d4f610'
revises   '7f2c8e4b6a01', '9d4e1f7a2b35'
message   'merge the users and tasks branches'
created   '2025-11-12T09:00:00Z'

// made by: retort merge heads -m "merge the users and tasks branches"
upgrade {
}

downgrade {
}
