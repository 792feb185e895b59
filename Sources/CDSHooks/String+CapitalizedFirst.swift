extension String {
    /// "first line: ..." -> "First line: ...".
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
