extension String {
    /// "first line: ..." -> "First line: ...".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
